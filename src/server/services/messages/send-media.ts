import { mediaPath } from "../media/media-store";
import { mediaForSend, type MediaForSend } from "../media/media-for-send";
import type { Actor } from "../../authz/actor";
import type { SendableMediaKind } from "@/lib/media/media-kinds";
import type { OutgoingContent } from "../../whatsapp/outgoing-content";
import { sendOutgoing, type OutgoingInput, type SendTextInput, type SentMessage } from "./send-text";

export interface SendMediaInput {
  device: SendTextInput["device"];
  /** Who sends: a user may send only their own uploads; an admin any upload. */
  actor: Actor;
  to: string;
  mediaId: number;
  caption?: string;
  sendAs: "auto" | "document";
  voiceNote: boolean;
}

/**
 * The stored row and the WhatsApp content of a media message. A document without a caption shows its file name in
 * lists and searches; `metadata.voiceNote` lets a resend go out as the same kind of message.
 */
export function mediaMessageParts(
  media: Pick<MediaForSend, "id" | "mimeType" | "fileName" | "storageKey">,
  kind: SendableMediaKind,
  opts: { caption?: string; voiceNote: boolean },
): { row: OutgoingInput["row"]; content: OutgoingContent } {
  return {
    row: {
      type: kind,
      content: opts.caption ?? (kind === "document" ? media.fileName : null),
      mediaId: media.id,
      ...(opts.voiceNote ? { metadata: { voiceNote: true } } : {}),
    },
    content: {
      kind,
      filePath: mediaPath(media.storageKey),
      mimeType: media.mimeType,
      fileName: media.fileName,
      caption: opts.caption,
      voiceNote: opts.voiceNote,
    },
  };
}

/**
 * Sends an uploaded file from a device as image, video, audio (or voice note) or document through the same pipeline
 * as texts: pending row first, then WhatsApp.
 */
export async function sendMedia(input: SendMediaInput): Promise<SentMessage> {
  const { media, kind } = await mediaForSend(input.actor, input.mediaId, input.device.ownerId, input);
  return sendOutgoing({ device: input.device, to: input.to, origin: "manual", sentById: input.actor.id, ...mediaMessageParts(media, kind, input) });
}
