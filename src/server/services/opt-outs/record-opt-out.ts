import { phoneFromJid } from "@/lib/phone";
import { db } from "../../db";
import { matchOptOutKeyword, readOptOutKeywords } from "./opt-out-keywords";

export interface OptOutCandidate {
  device: { id: number; ownerId: number };
  chatJid: string;
  fromJid: string;
  content: string | null;
}

/**
 * Puts the sender of a one-to-one text that is exactly one of the owner's opt-out keywords on the owner's opt-out
 * list, with the device and time. An existing opt-out is kept as it was (the first request is the one on record).
 * Returns the phone that was added, or null.
 */
export async function recordOptOut(message: OptOutCandidate): Promise<string | null> {
  if (!message.content || message.chatJid !== message.fromJid) return null;
  const phone = phoneFromJid(message.fromJid);
  if (!phone) return null;
  const owner = await db().user.findUnique({ where: { id: message.device.ownerId }, select: { optOutKeywords: true } });
  if (!owner) return null;
  const keyword = matchOptOutKeyword(message.content, readOptOutKeywords(owner.optOutKeywords));
  if (!keyword) return null;
  const result = await db().optOut.createMany({
    data: [{ ownerId: message.device.ownerId, phone, deviceId: message.device.id, keyword }],
    skipDuplicates: true,
  });
  return result.count === 1 ? phone : null;
}
