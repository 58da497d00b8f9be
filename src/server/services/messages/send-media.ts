import { canBeVoiceNote, mediaKindOf, type SendableMediaKind } from "@/lib/media/media-kinds";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { mediaPath } from "../media/media-store";
import { sendOutgoing, type SendTextInput, type SentMessage } from "./send-text";

export interface SendMediaInput {
  device: SendTextInput["device"];
  /** Who sends: a user may send only their own uploads; an admin any upload. */
  actor: { id: number; role: "admin" | "user" };
  to: string;
  mediaId: number;
  caption?: string;
  sendAs: "auto" | "document";
  voiceNote: boolean;
}

const mediaForSendSelect = { id: true, ownerId: true, kind: true, mimeType: true, size: true, sha256: true, fileName: true, storageKey: true } as const satisfies Prisma.MediaFileSelect;
type MediaForSend = Prisma.MediaFileGetPayload<{ select: typeof mediaForSendSelect }>;

/**
 * The message belongs to the device's owner, so its media must too (else the owner could not open it). When an
 * admin sends their own upload from a user's device, the owner gets a row of their own over the same stored bytes.
 */
async function copyForOwner(media: MediaForSend, ownerId: number): Promise<MediaForSend> {
  if (media.ownerId === ownerId) return media;
  const { id: _id, ownerId: _owner, ...bytes } = media;
  return db().mediaFile.create({ data: { ...bytes, ownerId, source: "upload" }, select: mediaForSendSelect });
}

/**
 * Sends an uploaded file from a device as image, video, audio (or voice note) or document — the kind follows the
 * sniffed MIME type, not the client's word — through the same pipeline as texts: pending row first, then WhatsApp.
 */
export async function sendMedia(input: SendMediaInput): Promise<SentMessage> {
  const found = await db().mediaFile.findFirst({
    where: { id: input.mediaId, ...(input.actor.role === "admin" ? {} : { ownerId: input.actor.id }) },
    select: mediaForSendSelect,
  });
  if (!found) throw new AppError("NOT_FOUND", "The file to send was not found; upload it again");
  const media = await copyForOwner(found, input.device.ownerId);
  const kind: SendableMediaKind = input.sendAs === "document" ? "document" : mediaKindOf(media.mimeType);
  if (input.voiceNote) {
    if (kind !== "audio") throw new AppError("INVALID_INPUT", "Only an audio file can be sent as a voice note");
    if (!canBeVoiceNote(media.mimeType)) throw new AppError("INVALID_INPUT", "A voice note must be an Ogg/Opus audio file");
  }
  // WhatsApp shows no caption under audio; refusing is clearer than dropping the text silently.
  if (kind === "audio" && input.caption) throw new AppError("INVALID_INPUT", "Audio messages cannot have a caption; send the text separately");
  return sendOutgoing({
    device: input.device,
    to: input.to,
    row: { type: kind, content: input.caption ?? (kind === "document" ? media.fileName : null), mediaId: media.id },
    content: {
      kind,
      filePath: mediaPath(media.storageKey),
      mimeType: media.mimeType,
      fileName: media.fileName,
      caption: input.caption,
      voiceNote: input.voiceNote,
    },
  });
}
