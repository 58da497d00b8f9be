import type { Prisma } from "@/generated/prisma/client";
import type { MessageDirection } from "@/generated/prisma/enums";
import { db } from "../../db";
import { addToDay, emptyDelta, type DailyDelta } from "./daily-delta";
import { dateColumn, reportingDayOf } from "./reporting-day";
import { flagsFor, STAT_FLAG, type CountEvent } from "./stat-flags";

interface MessageRow {
  deviceId: number;
  chatJid: string;
  direction: MessageDirection;
  timestamp: Date;
  statFlags: number;
}

interface ChatDayRow {
  firstIncomingAt: Date | null;
  lastOutgoingAt: Date | null;
  replied: number | boolean;
}

/**
 * Counts one message event into its device's day (the day of the message's own time in the reporting zone).
 * Idempotent: the message row is locked, only flags it does not carry yet are counted, and they are set in the same
 * transaction — a replayed receipt, a status published twice or a rebuild that got there first adds nothing.
 * Returns whether anything was counted.
 */
export async function countMessage(messageId: number, event: CountEvent): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<MessageRow[]>`
      SELECT deviceId, chatJid, direction, \`timestamp\`, statFlags FROM Message WHERE id = ${messageId} FOR UPDATE`;
    if (!row) return false;
    const fresh = flagsFor(event, row.direction) & ~row.statFlags;
    if (fresh === 0) return false;
    await tx.$executeRaw`UPDATE Message SET statFlags = statFlags | ${fresh} WHERE id = ${messageId}`;
    const day = reportingDayOf(row.timestamp);
    const delta = emptyDelta();
    if (fresh & STAT_FLAG.stored) {
      if (row.direction === "incoming") delta.incoming = 1;
      else delta.outgoing = 1;
      Object.assign(delta, await countChatActivity(tx, row, day));
    }
    if (fresh & STAT_FLAG.delivered) delta.delivered = 1;
    if (fresh & STAT_FLAG.read) delta.read = 1;
    if (fresh & STAT_FLAG.failed) delta.failed = 1;
    await addToDay(tx, row.deviceId, day, delta);
    return true;
  });
}

/**
 * Moves the chat's day forward: a new chat of the day is one more active chat; its first incoming message makes it a
 * chat that needs a reply; an outgoing message at or after that first incoming one makes it replied. Each only once.
 */
async function countChatActivity(tx: Prisma.TransactionClient, row: MessageRow, day: string): Promise<Pick<DailyDelta, "activeChats" | "incomingChats" | "repliedChats">> {
  const date = dateColumn(day);
  // INSERT IGNORE reports 0 rows for an existing chat (ON DUPLICATE KEY would report 1: the driver counts found rows).
  const inserted = await tx.$executeRaw`
    INSERT IGNORE INTO DailyChatActivity (deviceId, date, chatJid) VALUES (${row.deviceId}, ${date}, ${row.chatJid})`;
  const [chat] = await tx.$queryRaw<ChatDayRow[]>`
    SELECT firstIncomingAt, lastOutgoingAt, replied FROM DailyChatActivity
     WHERE deviceId = ${row.deviceId} AND date = ${date} AND chatJid = ${row.chatJid} FOR UPDATE`;
  const wasReplied = Boolean(chat?.replied);
  let first = chat?.firstIncomingAt ?? null;
  let lastOut = chat?.lastOutgoingAt ?? null;
  let incomingChats = 0;
  if (row.direction === "incoming") {
    if (first === null) incomingChats = 1;
    if (first === null || row.timestamp < first) first = row.timestamp;
  } else if (lastOut === null || row.timestamp > lastOut) {
    lastOut = row.timestamp;
  }
  const replied = first !== null && lastOut !== null && lastOut >= first;
  await tx.$executeRaw`
    UPDATE DailyChatActivity SET firstIncomingAt = ${first}, lastOutgoingAt = ${lastOut}, replied = ${replied}
     WHERE deviceId = ${row.deviceId} AND date = ${date} AND chatJid = ${row.chatJid}`;
  return { activeChats: inserted > 0 ? 1 : 0, incomingChats, repliedChats: replied && !wasReplied ? 1 : 0 };
}
