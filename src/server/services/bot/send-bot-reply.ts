import { phoneFromJid } from "@/lib/phone";
import { logger } from "../../logger";
import { connectionManager } from "../../whatsapp/registry";
import { mediaForSend } from "../media/media-for-send";
import { mediaMessageParts } from "../messages/send-media";
import { deliverOutgoing, type OutgoingInput, type SendTextInput } from "../messages/send-text";

export interface BotReply {
  device: SendTextInput["device"];
  chatJid: string;
  text: string;
  mediaId: number | null;
  delaySec: number;
  logId: number;
}

/** A pause that shows "typing…" in the chat for `seconds` (none for 0). */
async function typeFor(deviceId: string, chatJid: string, seconds: number): Promise<void> {
  if (seconds <= 0) return;
  const manager = connectionManager();
  await manager.setTyping(deviceId, chatJid, true).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await manager.setTyping(deviceId, chatJid, false).catch(() => undefined);
}

/**
 * Sends the bot's reply through the normal send pipeline (stored, receipts, statistics, origin "bot") and links it
 * to the decision's log row. The rule's file goes with the text as its caption (audio takes none: the text follows).
 */
export async function sendBotReply(reply: BotReply): Promise<number | null> {
  const to = phoneFromJid(reply.chatJid) ?? reply.chatJid;
  await typeFor(reply.device.deviceId, reply.chatJid, reply.delaySec);
  let firstId: number | null = null;
  // The log row names the reply in the same transaction that stores it, so no reply exists unlinked.
  const onStored: OutgoingInput["onStored"] = async (tx, row) => {
    if (firstId !== null) return;
    firstId = row.id;
    const { affectedRows } = await tx.run("UPDATE `BotLog` SET `replyMessageId` = ? WHERE `id` = ?", [row.id, reply.logId]);
    if (affectedRows !== 1) throw new Error(`bot log ${reply.logId} is gone`);
  };
  const target = { device: reply.device, to, chatJid: reply.chatJid, origin: "bot" as const, onStored };
  let textPending = true;
  if (reply.mediaId !== null) {
    const owner = { id: reply.device.ownerId, role: "user" as const };
    const media = await mediaForSend(owner, reply.mediaId, reply.device.ownerId, { sendAs: "auto", voiceNote: false }).catch((error: unknown) => {
      logger().warn({ err: error, deviceId: reply.device.deviceId, mediaId: reply.mediaId }, "bot reply file unavailable; sending the text alone");
      return null;
    });
    if (media) {
      const caption = media.kind === "audio" || !reply.text ? undefined : reply.text;
      await deliverOutgoing({ ...target, ...mediaMessageParts(media.media, media.kind, { caption, voiceNote: false }) });
      textPending = caption === undefined && reply.text.length > 0;
    }
  }
  if (textPending && reply.text) {
    await deliverOutgoing({ ...target, row: { type: "text", content: reply.text, mediaId: null }, content: { kind: "text", text: reply.text } });
  }
  return firstId;
}
