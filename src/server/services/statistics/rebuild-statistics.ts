import { db } from "../../db";
import { addToDay, emptyDelta } from "./daily-delta";
import { dateColumn, daysBetween, reportingDayRange, reportingTimeZone } from "./reporting-day";
import { FLAGS_FOR_STATE_SQL } from "./stat-flags";

interface DayTotals {
  incoming: bigint | number | null;
  outgoing: bigint | number | null;
  delivered: bigint | number | null;
  read: bigint | number | null;
  failed: bigint | number | null;
}

interface ChatDay {
  chatJid: string;
  firstIncomingAt: Date | null;
  lastOutgoingAt: Date | null;
}

/**
 * Recounts the days `from`..`to` (YYYY-MM-DD, reporting zone) from the messages themselves, for every device or one:
 * after an import, a time-zone change or a repair. Each (device, day) is one transaction that first flags the day's
 * messages as counted — its range lock on (deviceId, timestamp) holds back new messages of that day until the
 * recount commits, so live counting and the rebuild never count a message twice or miss one.
 */
export async function rebuildStatistics(input: { from: string; to: string; deviceId?: number; timeZone?: string }): Promise<{ days: number; devices: number }> {
  const timeZone = input.timeZone ?? reportingTimeZone();
  const days = daysBetween(input.from, input.to);
  const devices = await db().device.findMany({ where: input.deviceId ? { id: input.deviceId } : {}, select: { id: true }, orderBy: { id: "asc" } });
  for (const device of devices) {
    for (const day of days) await rebuildDeviceDay(device.id, day, timeZone);
  }
  return { days: days.length, devices: devices.length };
}

async function rebuildDeviceDay(deviceId: number, day: string, timeZone: string): Promise<void> {
  const { start, end } = reportingDayRange(day, timeZone);
  const date = dateColumn(day);
  await db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `UPDATE Message SET statFlags = ${FLAGS_FOR_STATE_SQL} WHERE deviceId = ? AND \`timestamp\` >= ? AND \`timestamp\` < ?`,
        deviceId,
        start,
        end,
      );
      await tx.$executeRaw`DELETE FROM DailyStatistic WHERE deviceId = ${deviceId} AND date = ${date}`;
      await tx.$executeRaw`DELETE FROM DailyChatActivity WHERE deviceId = ${deviceId} AND date = ${date}`;
      const [totals] = await tx.$queryRaw<DayTotals[]>`
        SELECT SUM(direction = 'incoming') AS incoming, SUM(direction = 'outgoing') AS outgoing,
               SUM(direction = 'outgoing' AND status IN ('delivered', 'read')) AS delivered,
               SUM(direction = 'outgoing' AND status = 'read') AS \`read\`,
               SUM(direction = 'outgoing' AND status = 'failed') AS failed
          FROM Message WHERE deviceId = ${deviceId} AND \`timestamp\` >= ${start} AND \`timestamp\` < ${end}`;
      const chats = await tx.$queryRaw<ChatDay[]>`
        SELECT chatJid, MIN(IF(direction = 'incoming', \`timestamp\`, NULL)) AS firstIncomingAt,
               MAX(IF(direction = 'outgoing', \`timestamp\`, NULL)) AS lastOutgoingAt
          FROM Message WHERE deviceId = ${deviceId} AND \`timestamp\` >= ${start} AND \`timestamp\` < ${end}
         GROUP BY chatJid`;
      if (chats.length === 0) return;
      const delta = emptyDelta();
      delta.incoming = Number(totals?.incoming ?? 0);
      delta.outgoing = Number(totals?.outgoing ?? 0);
      delta.delivered = Number(totals?.delivered ?? 0);
      delta.read = Number(totals?.read ?? 0);
      delta.failed = Number(totals?.failed ?? 0);
      delta.activeChats = chats.length;
      for (const chat of chats) {
        const replied = chat.firstIncomingAt !== null && chat.lastOutgoingAt !== null && chat.lastOutgoingAt >= chat.firstIncomingAt;
        if (chat.firstIncomingAt !== null) delta.incomingChats += 1;
        if (replied) delta.repliedChats += 1;
        await tx.dailyChatActivity.create({
          data: { deviceId, date, chatJid: chat.chatJid, firstIncomingAt: chat.firstIncomingAt, lastOutgoingAt: chat.lastOutgoingAt, replied },
        });
      }
      await addToDay(tx, deviceId, day, delta);
    },
    { timeout: 120_000 },
  );
}
