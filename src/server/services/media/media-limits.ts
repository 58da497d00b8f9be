import { env } from "@/env";
import type { SendableMediaKind } from "@/lib/media/media-kinds";

const MIB = 1024 * 1024;

/** The largest file of each kind, in bytes (MEDIA_MAX_*_MB). */
export function mediaLimits(): Record<SendableMediaKind, number> {
  const config = env();
  return {
    image: Math.floor(config.MEDIA_MAX_IMAGE_MB * MIB),
    video: Math.floor(config.MEDIA_MAX_VIDEO_MB * MIB),
    audio: Math.floor(config.MEDIA_MAX_AUDIO_MB * MIB),
    document: Math.floor(config.MEDIA_MAX_DOCUMENT_MB * MIB),
  };
}

/** No file of any kind may be larger than this; the per-kind limit applies once the bytes show the kind. */
export function largestMediaLimit(): number {
  return Math.max(...Object.values(mediaLimits()));
}
