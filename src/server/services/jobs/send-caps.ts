import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import type { DriverTx } from "../../db/driver-pool";
import { getSettings, type AppSettings } from "../settings/app-settings";
import { nudgeRunner } from "../../jobs/nudge";
import { startOfToday } from "../messages/daily-usage";
import { jobProgressSelect, publishJobProgress } from "./job-progress";

/** A device's bulk send caps in force: its owner's own (null: the admin's default), never above the admin's maximum. */
export interface SendCaps {
  hourly: number;
  daily: number;
}

export type CapSettings = Pick<AppSettings, "jobHourlyCapDefault" | "jobHourlyCapMax" | "jobDailyCapDefault" | "jobDailyCapMax">;

export function capsInForce(device: { hourlyCap: number | null; dailyCap: number | null }, settings: CapSettings): SendCaps {
  return {
    hourly: Math.min(device.hourlyCap ?? settings.jobHourlyCapDefault, settings.jobHourlyCapMax),
    daily: Math.min(device.dailyCap ?? settings.jobDailyCapDefault, settings.jobDailyCapMax),
  };
}

/** The clock hour (server time) an instant falls in: caps count per clock hour and per day from local midnight. */
export function hourStartOf(now: Date): Date {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  return start;
}

export function nextHourStart(now: Date): Date {
  return new Date(hourStartOf(now).getTime() + 3600_000);
}

export function nextDayStart(now: Date): Date {
  const start = startOfToday(now);
  start.setDate(start.getDate() + 1);
  return start;
}

/**
 * Counts one send of a device's lane (a bulk item or a scheduled message) in the transaction that stores its message:
 * the count commits with the message or not at all, so it stays exact across crashes. A resend of a stored message
 * does not come here and is not counted again.
 */
export async function countLaneSend(tx: DriverTx, deviceId: number, now = new Date()): Promise<void> {
  await tx.run(
    `INSERT INTO \`DeviceSendWindow\` (\`deviceId\`, \`hourStart\`, \`sent\`) VALUES (?, ?, 1)
     ON DUPLICATE KEY UPDATE \`sent\` = \`sent\` + 1`,
    [deviceId, hourStartOf(now)],
  );
}

/**
 * Counts a bulk send like `countLaneSend`, but only while the device is under both caps, in one statement of the
 * transaction that stores the message: false (nothing counted) when a cap is reached, and the send must not happen.
 * Exact whatever else the lane sent since its items were claimed (scheduled messages count too).
 */
export async function countCappedLaneSend(tx: DriverTx, deviceId: number, caps: SendCaps, now = new Date()): Promise<boolean> {
  const hourStart = hourStartOf(now);
  const { affectedRows } = await tx.run(
    `INSERT INTO \`DeviceSendWindow\` (\`deviceId\`, \`hourStart\`, \`sent\`)
     SELECT ?, ?, 1 FROM DUAL
      WHERE (SELECT COALESCE(SUM(\`sent\`), 0) FROM \`DeviceSendWindow\` WHERE \`deviceId\` = ? AND \`hourStart\` = ?) < ?
        AND (SELECT COALESCE(SUM(\`sent\`), 0) FROM \`DeviceSendWindow\` WHERE \`deviceId\` = ? AND \`hourStart\` >= ?) < ?
     ON DUPLICATE KEY UPDATE \`sent\` = \`sent\` + 1`,
    [deviceId, hourStart, deviceId, hourStart, caps.hourly, deviceId, startOfToday(now), caps.daily],
  );
  return affectedRows > 0;
}

export interface LaneUsage {
  caps: SendCaps;
  sentThisHour: number;
  sentToday: number;
}

/** Caps and sends so far of several devices, in one query (at most 24 counter rows per device). */
export async function laneUsage(deviceIds: number[], settings: CapSettings, now = new Date()): Promise<Map<number, LaneUsage>> {
  const usage = new Map<number, LaneUsage>();
  if (deviceIds.length === 0) return usage;
  const rows = await db().$queryRaw<Array<{ id: number; hourlyCap: number | null; dailyCap: number | null; today: unknown; thisHour: unknown }>>`
    SELECT d.\`id\`, d.\`hourlyCap\`, d.\`dailyCap\`,
           COALESCE(SUM(w.\`sent\`), 0) AS today,
           COALESCE(SUM(IF(w.\`hourStart\` = ${hourStartOf(now)}, w.\`sent\`, 0)), 0) AS thisHour
      FROM \`Device\` d
      LEFT JOIN \`DeviceSendWindow\` w ON w.\`deviceId\` = d.\`id\` AND w.\`hourStart\` >= ${startOfToday(now)}
     WHERE d.\`id\` IN (${Prisma.join(deviceIds)})
     GROUP BY d.\`id\`, d.\`hourlyCap\`, d.\`dailyCap\``;
  for (const row of rows) {
    usage.set(Number(row.id), {
      caps: capsInForce({ hourlyCap: row.hourlyCap === null ? null : Number(row.hourlyCap), dailyCap: row.dailyCap === null ? null : Number(row.dailyCap) }, settings),
      sentThisHour: Number(row.thisHour),
      sentToday: Number(row.today),
    });
  }
  return usage;
}

export type CapHold = { reason: "hourly_cap" | "daily_cap"; until: Date; message: string };

/** Whether the device must hold its bulk items now, with the reason its jobs show and when the window frees. */
export function capHold(usage: LaneUsage, now = new Date()): CapHold | null {
  if (usage.sentToday >= usage.caps.daily) {
    return { reason: "daily_cap", until: nextDayStart(now), message: `Waiting: the device's daily cap of ${usage.caps.daily} messages is reached; it continues tomorrow` };
  }
  if (usage.sentThisHour >= usage.caps.hourly) {
    return { reason: "hourly_cap", until: nextHourStart(now), message: `Waiting: the device's hourly cap of ${usage.caps.hourly} messages is reached; it continues next hour` };
  }
  return null;
}

/** Sends the device may still make before a cap holds it. */
export function capRoom(usage: LaneUsage): number {
  return Math.max(0, Math.min(usage.caps.hourly - usage.sentThisHour, usage.caps.daily - usage.sentToday));
}

/** Rows of past days are no longer read (the lanes' windows, and the owners' daily-limit spans). */
export async function forgetOldSendWindows(now = new Date()): Promise<void> {
  const dayBefore = new Date(startOfToday(now).getTime() - 24 * 3600_000);
  await db().deviceSendWindow.deleteMany({ where: { hourStart: { lt: dayBefore } } });
  await db().sendCount.deleteMany({ where: { span: { lt: dayBefore } } });
}

/** Settings read for caps at most once a second per runner: a change applies within a second. */
export function cachedCapSettings(ttlMs = 1000): () => Promise<CapSettings> {
  let cached: { at: number; value: CapSettings } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.value;
    cached = { at: Date.now(), value: await getSettings() };
    return cached.value;
  };
}

const CAP_PAUSES = ["hourly_cap", "daily_cap"];

/** Caps changed: jobs waiting on a cap run again now (the next claim holds them again if the cap is still reached). */
export async function releaseCapHolds(scope: { deviceId?: number } = {}): Promise<void> {
  const held = await db().job.findMany({
    where: { status: "paused", pauseReason: { in: CAP_PAUSES }, ...(scope.deviceId === undefined ? {} : { deviceId: scope.deviceId }) },
    select: { id: true },
  });
  for (const job of held) {
    const { count } = await db().job.updateMany({
      where: { id: job.id, status: "paused", pauseReason: { in: CAP_PAUSES } },
      data: { status: "processing", pauseReason: null, error: null, resumeAt: null },
    });
    if (count === 1) publishJobProgress(await db().job.findUniqueOrThrow({ where: { id: job.id }, select: jobProgressSelect }));
  }
  if (held.length > 0) nudgeRunner();
}
