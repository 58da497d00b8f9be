"use client";

import { CircleCheck, RefreshCw } from "lucide-react";
import { useCallback } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import { useT } from "@/i18n/provider";
import type { SendableMediaKind } from "@/lib/media/media-kinds";
import { useFormatBytes } from "./format-bytes";
import { MediaKindIcon } from "./media-kind";
import type { MediaAttachment } from "./use-media-upload";

/**
 * Points a media element at a local file through an object URL, revoked when the element goes or the file changes
 * (a ref callback with cleanup, so nothing is created during render).
 */
function useObjectUrl<E extends HTMLImageElement | HTMLMediaElement>(file: Blob) {
  return useCallback(
    (element: E | null) => {
      if (!element) return;
      const url = URL.createObjectURL(file);
      element.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [file],
  );
}

/** A chosen file before sending: the photo, a video or audio player, or a large document icon. */
export function MediaPreview({ file, kind, className }: { file: File; kind: SendableMediaKind; className?: string }) {
  const image = useObjectUrl<HTMLImageElement>(file);
  const player = useObjectUrl<HTMLMediaElement>(file);
  switch (kind) {
    case "image":
      return <img ref={image} alt={file.name} className={cn("mx-auto block max-h-64 w-auto max-w-full rounded-md object-contain", className)} data-testid="media-preview-image" />;
    case "video":
      return <video ref={player} controls preload="metadata" playsInline aria-label={file.name} className={cn("block max-h-64 w-full rounded-md bg-black", className)} data-testid="media-preview-video" />;
    case "audio":
      return <audio ref={player} controls preload="metadata" aria-label={file.name} className={cn("block w-full", className)} data-testid="media-preview-audio" />;
    default:
      return null;
  }
}

/** A small square: the photo itself, or the kind's icon. */
export function MediaThumb({ file, kind, className }: { file: File; kind: SendableMediaKind; className?: string }) {
  const image = useObjectUrl<HTMLImageElement>(file);
  if (kind === "image") return <img ref={image} alt="" className={cn("size-10 shrink-0 rounded-md bg-muted object-cover", className)} />;
  return (
    <span className={cn("flex size-10 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary", className)} aria-hidden>
      <MediaKindIcon kind={kind} className="size-5" />
    </span>
  );
}

export function MediaKindBadge({ kind }: { kind: SendableMediaKind }) {
  const t = useT();
  return (
    <Badge tone="primary" data-testid="media-kind" data-kind={kind}>
      <MediaKindIcon kind={kind} />
      {t(`media.kinds.${kind}`)}
    </Badge>
  );
}

/** Name, size and kind of the chosen file (the kind the server found once uploaded). */
export function MediaFileSummary({ file, kind, className }: { file: File; kind: SendableMediaKind; className?: string }) {
  const bytes = useFormatBytes();
  return (
    <div className={cn("flex min-w-0 flex-1 items-center gap-3", className)}>
      <MediaThumb file={file} kind={kind} />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={file.name} data-testid="media-file-name">
          {file.name}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <span data-testid="media-file-size">{bytes(file.size)}</span>
          <MediaKindBadge kind={kind} />
        </p>
      </div>
    </div>
  );
}

/** Upload progress, then "Uploaded"; a failed upload that may succeed again offers a retry. Errors are shown by the field. */
export function MediaUploadStatus({ attachment, className }: { attachment: MediaAttachment; className?: string }) {
  const t = useT();
  const { state } = attachment;
  if (!state) return null;
  if (state.phase === "uploading") {
    const percent = state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
    return (
      <div className={cn("grid gap-1", className)} data-testid="media-upload-status" data-state="uploading">
        <Progress value={percent} aria-label={t("media.uploadProgress")} />
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {t("media.uploading", { percent })}
        </p>
      </div>
    );
  }
  if (state.phase === "done") {
    return (
      <p className={cn("flex items-center gap-1.5 text-xs text-muted-foreground", className)} data-testid="media-upload-status" data-state="done">
        <CircleCheck className="size-3.5 text-success" aria-hidden />
        {t("media.uploaded")}
      </p>
    );
  }
  return attachment.retryable ? (
    <Button type="button" variant="outline" size="sm" className={cn("justify-self-start", className)} onClick={attachment.retry} data-testid="media-upload-status" data-state="error">
      <RefreshCw aria-hidden />
      {t("media.retryUpload")}
    </Button>
  ) : null;
}
