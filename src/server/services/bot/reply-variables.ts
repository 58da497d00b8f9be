import { phoneFromJid } from "@/lib/phone";
import { db } from "../../db";
import { clockTime, type ReplyVariables } from "./reply-text";

/** {{name}} is the owner's contact name for the number, else the WhatsApp name, else the number. */
export async function replyVariables(input: { ownerId: number; deviceName: string; chatJid: string; pushName: string | null; now: Date; timeZone: string }): Promise<ReplyVariables> {
  const phone = phoneFromJid(input.chatJid);
  const contact = phone
    ? await db().contact.findFirst({ where: { ownerId: input.ownerId, OR: [{ phone }, { jid: input.chatJid }] }, select: { name: true } })
    : null;
  return {
    name: contact?.name ?? input.pushName ?? phone ?? "",
    pushName: input.pushName ?? "",
    device: input.deviceName,
    time: clockTime(input.now, input.timeZone),
  };
}
