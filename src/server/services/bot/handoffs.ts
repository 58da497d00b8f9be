import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import type { ServiceCall } from "../devices/types";
import type { BotDevice } from "./bot-config";
import { recordBotChange } from "./record-bot-change";

export type HandoffEndReason = "manual" | "keyword" | "timeout";

export const handoffSelect = {
  id: true,
  contactJid: true,
  contactName: true,
  status: true,
  reason: true,
  endReason: true,
  startedAt: true,
  endedAt: true,
} as const satisfies Prisma.HandoffSelect;

export type HandoffView = Prisma.HandoffGetPayload<{ select: typeof handoffSelect }>;

export const MAX_LISTED_HANDOFFS = 200;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function publishHandoff(device: { deviceId: string; ownerId: number }, handoffId: number, contactJid: string, status: "started" | "ended", endReason?: HandoffEndReason): void {
  eventBus().publish("bot.handoff", { deviceId: device.deviceId, handoffId, contactJid, status, ...(endReason ? { endReason } : {}) }, { ownerId: device.ownerId });
}

export async function findActiveHandoff(devicePk: number, contactJid: string): Promise<{ id: number; expiresAt: Date } | null> {
  return db().handoff.findUnique({ where: { deviceId_activeJid: { deviceId: devicePk, activeJid: contactJid } }, select: { id: true, expiresAt: true } });
}

/** Starts a hand-off for the contact (one active per contact: a second start returns the running one's id). */
export async function startHandoff(input: { device: BotDevice; contactJid: string; contactName: string | null; reason: string; timeoutMin: number; now: Date }): Promise<number> {
  try {
    const row = await db().handoff.create({
      data: {
        deviceId: input.device.id,
        contactJid: input.contactJid,
        activeJid: input.contactJid,
        contactName: input.contactName?.slice(0, 255) ?? null,
        reason: input.reason.slice(0, 255),
        startedAt: input.now,
        expiresAt: new Date(input.now.getTime() + input.timeoutMin * 60_000),
      },
      select: { id: true },
    });
    publishHandoff(input.device, row.id, input.contactJid, "started");
    return row.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const active = await findActiveHandoff(input.device.id, input.contactJid);
    if (!active) throw error;
    return active.id;
  }
}

/** The contact wrote during the hand-off: the timeout counts again from now. */
export async function extendHandoff(handoffId: number, timeoutMin: number, now: Date): Promise<void> {
  await db().handoff.updateMany({ where: { id: handoffId, status: "active" }, data: { expiresAt: new Date(now.getTime() + timeoutMin * 60_000) } });
}

/** Ends an active hand-off once (a second end, e.g. a sweep racing the button, changes nothing); true if it ended it. */
export async function endHandoff(device: { id: number; deviceId: string; ownerId: number }, handoffId: number, reason: HandoffEndReason, now = new Date()): Promise<boolean> {
  const row = await db().handoff.findFirst({ where: { id: handoffId, deviceId: device.id, status: "active" }, select: { contactJid: true } });
  if (!row) return false;
  const { count } = await db().handoff.updateMany({
    where: { id: handoffId, status: "active" },
    data: { status: "ended", activeJid: null, endReason: reason, endedAt: now },
  });
  if (count === 0) return false;
  publishHandoff(device, handoffId, row.contactJid, "ended", reason);
  return true;
}

/**
 * Ends every hand-off whose timeout passed. Runs in the job runner's periodic maintenance, so a hand-off ends on time
 * even if the contact never writes again, and after a restart (the deadline is in the row, not in a timer).
 */
export async function endExpiredHandoffs(now = new Date()): Promise<number> {
  const expired = await db().handoff.findMany({
    where: { status: "active", expiresAt: { lte: now } },
    select: { id: true, device: { select: { id: true, deviceId: true, ownerId: true } } },
    take: 500,
  });
  let ended = 0;
  for (const handoff of expired) {
    if (await endHandoff(handoff.device, handoff.id, "timeout", now)) ended += 1;
  }
  return ended;
}

export async function listHandoffs(devicePk: number, status?: "active" | "ended"): Promise<HandoffView[]> {
  return db().handoff.findMany({
    where: { deviceId: devicePk, ...(status ? { status } : {}) },
    select: handoffSelect,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED_HANDOFFS,
  });
}

export async function activeHandoffForChat(devicePk: number, chatJid: string): Promise<HandoffView | null> {
  return db().handoff.findUnique({ where: { deviceId_activeJid: { deviceId: devicePk, activeJid: chatJid } }, select: handoffSelect });
}

/** "Return to bot": the owner (or an admin) ends a hand-off. Another user's hand-off is NOT_FOUND. */
export async function resumeHandoff(call: ServiceCall & { handoffId: number }): Promise<HandoffView> {
  const row = await db().handoff.findFirst({
    where: { id: call.handoffId, ...(call.actor.role === "admin" ? {} : { device: { ownerId: call.actor.id } }) },
    select: { id: true, device: { select: { id: true, deviceId: true, ownerId: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Hand-off not found");
  const ended = await endHandoff(row.device, row.id, "manual");
  if (ended) await recordBotChange({ ...call, device: row.device, action: "bot.handoff.resume", details: { handoffId: row.id } });
  return db().handoff.findUniqueOrThrow({ where: { id: row.id }, select: handoffSelect });
}

/** Active hand-offs per device of the actor (every device for admins), for badges; devices without any are left out. */
export async function activeHandoffCounts(actor: { id: number; role: "admin" | "user" }): Promise<Array<{ deviceId: string; active: number }>> {
  const groups = await db().handoff.groupBy({
    by: ["deviceId"],
    where: { status: "active", ...(actor.role === "admin" ? {} : { device: { ownerId: actor.id } }) },
    _count: { _all: true },
  });
  if (groups.length === 0) return [];
  const devices = await db().device.findMany({ where: { id: { in: groups.map((g) => g.deviceId) } }, select: { id: true, deviceId: true } });
  const names = new Map(devices.map((d) => [d.id, d.deviceId]));
  return groups.flatMap((g) => {
    const deviceId = names.get(g.deviceId);
    return deviceId ? [{ deviceId, active: g._count._all }] : [];
  });
}
