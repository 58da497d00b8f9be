"use client";

import { Download, ImageOff } from "lucide-react";
import type { MediaKind } from "@/generated/prisma/enums";
import { useT } from "@/i18n/provider";
import { useFormatBytes } from "./format-bytes";
import { isMediaType, MediaKindIcon, mediaUrl, type MediaSummary } from "./media-kind";

/**
 * One line for a media message in a list: the kind's icon and name, the file's name and size, and a download link —
 * or "media unavailable" when the file never arrived. Renders nothing for a message without media. `sentAs` names the
 * kind the message goes out as when it differs from the file's (a photo sent as a document); `missing` replaces
 * "media unavailable" where the file is gone for another reason.
 */
export function MediaTag({
  type,
  media,
  sentAs,
  missing,
}: {
  type: string;
  media: MediaSummary | null;
  sentAs?: MediaKind;
  missing?: { label: string; hint?: string };
}) {
  const t = useT();
  const bytes = useFormatBytes();
  if (!media) {
    if (!isMediaType(type)) return null;
    return (
      <span className="mt-1 flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="media-tag" data-kind={type} data-available="false" title={missing?.hint}>
        <ImageOff className="size-3.5 shrink-0" aria-hidden />
        {t(`media.kinds.${type}`)} · {missing?.label ?? t("media.unavailable")}
      </span>
    );
  }
  const kind = sentAs ?? media.kind;
  const name = media.fileName ?? t(`media.kinds.${kind}`);
  return (
    <span className="mt-1 flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-muted-foreground" data-testid="media-tag" data-kind={kind} data-available="true">
      <MediaKindIcon kind={kind} className="size-3.5 shrink-0 text-primary" />
      <span className="font-medium text-foreground">{t(`media.kinds.${kind}`)}</span>
      {media.fileName ? <span className="max-w-48 truncate" title={media.fileName}>{media.fileName}</span> : null}
      <span>· {bytes(media.size)}</span>
      <a
        href={mediaUrl(media.id, true)}
        download
        className="inline-flex items-center gap-1 font-medium text-primary hover:underline"
        aria-label={t("media.downloadName", { name })}
        data-testid="media-download"
      >
        <Download className="size-3.5" aria-hidden />
        {t("media.download")}
      </a>
    </span>
  );
}
