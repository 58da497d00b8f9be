import type { Prisma } from "@/generated/prisma/client";
import { canBeVoiceNote, mediaKindOf, type SendableMediaKind } from "@/lib/media/media-kinds";
import type { Actor } from "../../authz/actor";
import { AppError } from "../../errors";
import { db } from "../../db";

const mediaForSendSelect = {
  id: true,
  ownerId: true,
  kind: true,
  mimeType: true,
  size: true,
  sha256: true,
  fileName: true,
  storageKey: true,
} as const satisfies Prisma.MediaFileSelect;

export type MediaForSend = Prisma.MediaFileGetPayload<{ select: typeof mediaForSendSelect }>;

export interface MediaSendOptions {
  caption?: string;
  sendAs: "auto" | "document";
  voiceNote: boolean;
}

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
 * An upload the actor may send from a device of `deviceOwnerId` (users: only their own; admins: any), owned by that
 * owner, and the kind it goes out as — decided by the sniffed MIME type, not by the client. Refuses what WhatsApp
 * would not show as asked (a voice note that is not Ogg/Opus, a caption under audio).
 */
export async function mediaForSend(
  actor: Actor,
  mediaId: number,
  deviceOwnerId: number,
  opts: MediaSendOptions,
): Promise<{ media: MediaForSend; kind: SendableMediaKind }> {
  const found = await db().mediaFile.findFirst({
    where: { id: mediaId, ...(actor.role === "admin" ? {} : { ownerId: actor.id }) },
    select: mediaForSendSelect,
  });
  if (!found) throw new AppError("NOT_FOUND", "The file to send was not found; upload it again");
  const kind: SendableMediaKind = opts.sendAs === "document" ? "document" : mediaKindOf(found.mimeType);
  if (opts.voiceNote) {
    if (kind !== "audio") throw new AppError("INVALID_INPUT", "Only an audio file can be sent as a voice note");
    if (!canBeVoiceNote(found.mimeType)) throw new AppError("INVALID_INPUT", "A voice note must be an Ogg/Opus audio file");
  }
  // WhatsApp shows no caption under audio; refusing is clearer than dropping the text silently.
  if (kind === "audio" && opts.caption) throw new AppError("INVALID_INPUT", "Audio messages cannot have a caption; send the text separately");
  return { media: await copyForOwner(found, deviceOwnerId), kind };
}
