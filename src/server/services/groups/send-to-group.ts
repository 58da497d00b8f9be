import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { DeviceRow, ServiceCall } from "../devices/types";
import { mediaForSend } from "../media/media-for-send";
import { mediaMessageParts } from "../messages/send-media";
import { sendOutgoing, type SentMessage } from "../messages/send-text";
import { findMemberGroup } from "./group-access";
import { resolveMentions } from "./mentions";
import { groupInfo } from "./read-groups";

interface GroupSendCall extends ServiceCall {
  device: DeviceRow;
  groupJid: string;
}

/** Resolves `@name`/`@number` against the group's members; `required` (sendMention) refuses a text mentioning nobody. */
async function withMentions(call: GroupSendCall, text: string, required: boolean): Promise<{ text: string; mentions: string[] }> {
  const info = await groupInfo(call.device, call.groupJid);
  const resolved = resolveMentions(text, info.participants);
  if (resolved.unknownNumbers.length) {
    throw new AppError("INVALID_INPUT", `Not a member of this group: ${resolved.unknownNumbers.map((n) => `+${n}`).join(", ")}`);
  }
  if (required && resolved.mentions.length === 0) {
    throw new AppError("INVALID_INPUT", "Mention a member with @name or @number");
  }
  return { text: resolved.text, mentions: resolved.mentions };
}

async function audit(call: GroupSendCall, action: string, sent: SentMessage, details: Record<string, string | number>): Promise<void> {
  await recordAudit({
    actorId: call.actor.id,
    action,
    targetType: "group",
    targetId: call.groupJid,
    details: { deviceId: call.device.deviceId, messageId: sent.id, ...details },
    ip: call.meta.ip,
  });
}

/**
 * A text to the group through the normal send pipeline (stored pending, then sent; member receipts move it on).
 * Mentions written in the text are resolved either way; `mention` requires at least one.
 */
export async function sendGroupText(call: GroupSendCall & { text: string; mention: boolean }): Promise<SentMessage> {
  await findMemberGroup(call.device, call.groupJid);
  const { text, mentions } = await withMentions(call, call.text, call.mention);
  const sent = await sendOutgoing({
    device: call.device,
    to: call.groupJid,
    origin: "manual",
    sentById: call.actor.id,
    row: { type: "text", content: text, mediaId: null, ...(mentions.length ? { metadata: { mentions } } : {}) },
    content: { kind: "text", text, mentions },
  });
  await audit(call, call.mention ? "group.sendMention" : "group.sendMessage", sent, { mentions: mentions.length });
  return sent;
}

export async function sendGroupMedia(
  call: GroupSendCall & { mediaId: number; caption?: string; sendAs: "auto" | "document" },
): Promise<SentMessage> {
  await findMemberGroup(call.device, call.groupJid);
  const { media, kind } = await mediaForSend(call.actor, call.mediaId, call.device.ownerId, { sendAs: call.sendAs, voiceNote: false });
  const caption = call.caption === undefined ? undefined : await withMentions(call, call.caption, false);
  const parts = mediaMessageParts(media, kind, { caption: caption?.text, voiceNote: false });
  const mentions = caption?.mentions ?? [];
  const sent = await sendOutgoing({
    device: call.device,
    to: call.groupJid,
    origin: "manual",
    sentById: call.actor.id,
    row: mentions.length ? { ...parts.row, metadata: { mentions } } : parts.row,
    content: mentions.length && parts.content.kind !== "text" ? { ...parts.content, mentions } : parts.content,
  });
  await audit(call, "group.sendMedia", sent, { mediaId: call.mediaId });
  return sent;
}
