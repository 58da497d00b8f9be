import { db } from "../../db";
import { REPLY_OUTCOMES } from "./bot-types";
import type { ContactState } from "./decide";
import { findActiveHandoff } from "./handoffs";

/** What the decision needs to know about the contact, read just before deciding on message `messageId`. */
export async function loadContactState(devicePk: number, chatJid: string, messageId: number, now: Date): Promise<ContactState> {
  const [earlier, activeHandoff, lastOutOfHours, recentReplies] = await Promise.all([
    db().message.findFirst({ where: { deviceId: devicePk, chatJid, id: { lt: messageId } }, select: { id: true } }),
    findActiveHandoff(devicePk, chatJid),
    db().botLog.findFirst({ where: { deviceId: devicePk, contactJid: chatJid, decision: "out_of_hours" }, orderBy: { id: "desc" }, select: { details: true } }),
    db().botLog.count({ where: { deviceId: devicePk, contactJid: chatJid, decision: { in: [...REPLY_OUTCOMES] }, createdAt: { gte: new Date(now.getTime() - 60_000) } } }),
  ]);
  const details = lastOutOfHours?.details;
  const periodKey = details && typeof details === "object" && !Array.isArray(details) && typeof details.periodKey === "string" ? details.periodKey : null;
  return { firstTime: earlier === null, activeHandoff, lastOutOfHoursPeriod: periodKey, recentReplies };
}
