"use client";

import { Download, ExternalLink, ImageOff } from "lucide-react";
import { useState } from "react";
import type { MediaKind } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/i18n/provider";
import { useFormatBytes } from "./format-bytes";
import { MediaKindIcon, mediaUrl, type MediaSummary } from "./media-kind";

/**
 * A stored file as a chat shows it: photos (click for full size), stickers, video and audio players, and documents as a
 * download row. `kind` is the message type, so a media message whose download failed still says what it was.
 */
export function MessageMedia({ kind, media, caption, className }: { kind: MediaKind; media: MediaSummary | null; caption: string | null; className?: string }) {
  const t = useT();
  if (!media) return <MediaUnavailable kind={kind} className={className} />;
  const label = caption || media.fileName || t(`media.kinds.${media.kind}`);
  const src = mediaUrl(media.id);
  switch (media.kind) {
    case "image":
      return <ImageMedia media={media} alt={label} className={className} />;
    case "sticker":
      return (
        <img src={src} alt={label} loading="lazy" className={cn("size-32 object-contain", className)} data-testid="media-sticker" data-media-id={media.id} />
      );
    case "video":
      return (
        <video
          src={src}
          controls
          preload="metadata"
          playsInline
          aria-label={label}
          className={cn("block max-h-80 w-72 max-w-full rounded-lg bg-black", className)}
          data-testid="media-video"
          data-media-id={media.id}
        />
      );
    case "audio":
      return <audio src={src} controls preload="metadata" aria-label={label} className={cn("block w-72 max-w-full", className)} data-testid="media-audio" data-media-id={media.id} />;
    default:
      return <DocumentMedia media={media} className={className} />;
  }
}

function ImageMedia({ media, alt, className }: { media: MediaSummary; alt: string; className?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const src = mediaUrl(media.id);
  return (
    <>
      <button
        type="button"
        className={cn("block cursor-zoom-in overflow-hidden rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring", className)}
        onClick={() => setOpen(true)}
        aria-label={t("media.openFull", { name: alt })}
      >
        <img src={src} alt={alt} loading="lazy" className="block max-h-80 w-72 max-w-full bg-muted object-cover" data-testid="media-image" data-media-id={media.id} />
      </button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel={t("common.close")} className="max-w-4xl">
          <DialogHeader>
            <DialogTitle className="truncate">{media.fileName ?? t("media.kinds.image")}</DialogTitle>
            <DialogDescription className="sr-only">{alt}</DialogDescription>
          </DialogHeader>
          <img src={src} alt={alt} className="mx-auto max-h-[70dvh] w-auto max-w-full rounded-md object-contain" />
          <DialogFooter>
            <Button asChild variant="outline">
              <a href={src} target="_blank" rel="noopener noreferrer">
                <ExternalLink aria-hidden />
                {t("media.openInNewTab")}
              </a>
            </Button>
            <Button asChild>
              <a href={mediaUrl(media.id, true)} download>
                <Download aria-hidden />
                {t("media.download")}
              </a>
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

function DocumentMedia({ media, className }: { media: MediaSummary; className?: string }) {
  const t = useT();
  const bytes = useFormatBytes();
  const name = media.fileName ?? t(`media.kinds.${media.kind}`);
  return (
    <div className={cn("flex w-72 max-w-full items-center gap-3 rounded-lg border bg-card/60 p-2", className)} data-testid="media-document" data-media-id={media.id}>
      <span className="flex size-10 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary">
        <MediaKindIcon kind={media.kind} className="size-5" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={name}>
          {name}
        </p>
        <p className="truncate text-xs text-muted-foreground">
          {bytes(media.size)} · {fileExtension(media)}
        </p>
      </div>
      <Button asChild variant="ghost" size="icon" className="shrink-0">
        <a href={mediaUrl(media.id, true)} download aria-label={t("media.downloadName", { name })} title={t("media.download")} data-testid="media-download">
          <Download aria-hidden />
        </a>
      </Button>
    </div>
  );
}

/** "PDF", "DOCX"… from the name, else the MIME subtype. */
function fileExtension(media: MediaSummary): string {
  const fromName = media.fileName?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1];
  const fromMime = media.mimeType.split(";")[0]?.split("/")[1]?.replace(/^x-/, "");
  return (fromName ?? fromMime ?? "").toUpperCase();
}

export function MediaUnavailable({ kind, className }: { kind: MediaKind; className?: string }) {
  const t = useT();
  return (
    <div
      className={cn("flex w-64 max-w-full items-center gap-3 rounded-lg border border-dashed px-3 py-2 text-muted-foreground", className)}
      data-testid="media-unavailable"
      title={t("media.unavailableHint")}
    >
      <ImageOff className="size-5 shrink-0" aria-hidden />
      <div className="min-w-0">
        <p className="text-sm font-medium">{t("media.unavailable")}</p>
        <p className="text-xs">{t(`media.kinds.${kind}`)}</p>
      </div>
    </div>
  );
}
