import { INLINE_MIME_TYPES } from "@/lib/media/media-kinds";
import { db } from "../../db";
import type { IncomingMediaFile, IncomingMediaOutcome } from "../../whatsapp/inbound-port";
import { mediaLimits } from "./media-limits";
import { MediaIntegrityError, MediaTooLargeError, storeMediaStream } from "./media-store";

export type { IncomingMediaFile, IncomingMediaOutcome };

/**
 * The type to serve the file as. The bytes decide when they say something definite; a sender's label is kept only
 * where it cannot make the browser render the file (so a "photo" that is really HTML is never shown inline).
 */
function servedMimeType(sniffed: string, declared: string | null): string {
  const vague = sniffed === "application/octet-stream" || sniffed === "text/plain";
  if (!vague || !declared) return sniffed;
  const base = declared.split(";")[0]!.trim().toLowerCase();
  return /^[\w.+-]+\/[\w.+-]+$/.test(base) && !INLINE_MIME_TYPES.includes(base) && base.length <= 127 ? base : sniffed;
}

/**
 * Downloads an incoming message's file into the media folder for the device's owner. Never throws for the file's
 * own faults (too large, corrupt, expired, unreachable): the message is still stored, with the reason.
 */
export async function storeIncomingMedia(file: IncomingMediaFile): Promise<IncomingMediaOutcome> {
  const limits = mediaLimits();
  const limit = file.kind === "sticker" ? limits.image : limits[file.kind];
  if (file.declaredSize !== null && file.declaredSize > limit) {
    return { mediaId: null, error: `The file is larger than this server's ${file.kind} limit (${limit} bytes) and was not downloaded` };
  }
  let row;
  try {
    row = await storeMediaStream(
      await file.open(),
      { maxBytes: limit, limitFor: () => limit, ...(file.sha256 ? { expectSha256: file.sha256 } : {}) },
      (stored) =>
        db().mediaFile.create({
          data: {
            ownerId: file.ownerId,
            kind: file.kind,
            mimeType: servedMimeType(stored.mimeType, file.declaredMimeType),
            size: stored.size,
            sha256: stored.sha256,
            fileName: file.fileName?.slice(0, 255) || null,
            storageKey: stored.storageKey,
            source: "incoming",
          },
          select: { id: true },
        }),
    );
  } catch (error) {
    if (error instanceof MediaTooLargeError) return { mediaId: null, error: `The file is larger than the ${file.kind} limit (${limit} bytes)` };
    if (error instanceof MediaIntegrityError) return { mediaId: null, error: "The downloaded file did not match its checksum" };
    return { mediaId: null, error: `The file could not be downloaded: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { mediaId: row.id };
}
