/**
 * Which files WhatsApp takes as which kind of message. Isomorphic (server and browser): the server decides from the
 * MIME type it sniffed from the bytes; the browser uses the same lists to pre-select and to set `accept`.
 */
export const SENDABLE_MEDIA_KINDS = ["image", "video", "audio", "document"] as const;
export type SendableMediaKind = (typeof SENDABLE_MEDIA_KINDS)[number];

/** Everything else goes out as a document (GIFs included: WhatsApp wants them converted to MP4 first). */
export const MIME_TYPES_BY_KIND: Readonly<Record<Exclude<SendableMediaKind, "document">, readonly string[]>> = {
  image: ["image/jpeg", "image/png", "image/webp"],
  video: ["video/mp4", "video/3gpp"],
  audio: ["audio/ogg", "audio/opus", "audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/aac", "audio/amr"],
};

/** Voice notes must be Opus in Ogg: phones play nothing else as a push-to-talk note. */
export const VOICE_NOTE_MIME_TYPES: readonly string[] = ["audio/ogg", "audio/opus"];

export function mediaKindOf(mimeType: string): SendableMediaKind {
  const base = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  for (const kind of ["image", "video", "audio"] as const) {
    if (MIME_TYPES_BY_KIND[kind].includes(base)) return kind;
  }
  return "document";
}

export function canBeVoiceNote(mimeType: string): boolean {
  return VOICE_NOTE_MIME_TYPES.includes(mimeType.split(";")[0]?.trim().toLowerCase() ?? "");
}

/** Types a browser may show inline; anything else (HTML, SVG, PDF…) is only ever downloaded. */
export const INLINE_MIME_TYPES: readonly string[] = [...MIME_TYPES_BY_KIND.image, ...MIME_TYPES_BY_KIND.video, ...MIME_TYPES_BY_KIND.audio];

/** WhatsApp's caption limit. */
export const MAX_CAPTION_LENGTH = 1024;
