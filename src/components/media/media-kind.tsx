import { AudioLines, FileText, Film, ImageIcon, Sticker, type LucideIcon } from "lucide-react";
import type { MediaKind } from "@/generated/prisma/enums";

export type MediaSummary = { id: number; kind: MediaKind; mimeType: string; size: number; fileName: string | null };

const ICONS: Record<MediaKind, LucideIcon> = { image: ImageIcon, video: Film, audio: AudioLines, document: FileText, sticker: Sticker };

export function MediaKindIcon({ kind, className }: { kind: MediaKind; className?: string }) {
  const Icon = ICONS[kind];
  return <Icon className={className} aria-hidden />;
}

const MEDIA_TYPES: ReadonlySet<string> = new Set<MediaKind>(["image", "video", "audio", "document", "sticker"]);

/** Message types that carry a file (and so should have `media`, unless its download failed). */
export function isMediaType(type: string): type is MediaKind {
  return MEDIA_TYPES.has(type);
}

/** The bytes of a stored file; `download` forces a download instead of showing it inline. */
export function mediaUrl(id: number, download = false): string {
  return `/api/media/${id}${download ? "?download=1" : ""}`;
}

/**
 * What to print under a media message. A received document's `content` is its file name when it has no caption; the
 * file row already shows that name.
 */
export function mediaCaption(message: { type: string; content: string | null; media: MediaSummary | null }): string | null {
  if (!message.content) return null;
  if (message.type === "document" && message.media?.fileName === message.content) return null;
  return message.content;
}
