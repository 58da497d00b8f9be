"use client";

import { X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { fieldDescribedBy, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { useFormatBytes } from "./format-bytes";
import { MediaDropZone, openFilePicker } from "./media-drop-zone";
import { MediaFileSummary, MediaPreview, MediaUploadStatus } from "./media-preview";
import { useMediaLimits, type MediaAttachment } from "./use-media-upload";

/**
 * A file field for a form: pick or drop a file, which is previewed and uploaded at once (with progress), then
 * replaced or removed. The per-kind size limits are the hint; `error` (e.g. the server's verdict on submit) wins over
 * the upload's own error. `onChange` runs whenever the user picks, replaces or removes the file.
 */
export function MediaAttachmentField({
  id,
  label,
  attachment,
  error,
  compact,
  onChange,
}: {
  id: string;
  label: ReactNode;
  attachment: MediaAttachment;
  error?: string | null;
  compact?: boolean;
  onChange?: () => void;
}) {
  const t = useT();
  const bytes = useFormatBytes();
  const limits = useMediaLimits();
  const { state, kind } = attachment;
  const fileError = error ?? attachment.error;
  const limitsHint = limits.data
    ? t("media.limitsHint", { image: bytes(limits.data.image), video: bytes(limits.data.video), audio: bytes(limits.data.audio), document: bytes(limits.data.document) })
    : undefined;
  const pick = (file: File) => {
    onChange?.();
    attachment.pick(file);
  };
  const clear = () => {
    onChange?.();
    attachment.clear();
  };

  return (
    <FormField id={id} label={label} error={fileError} hint={limitsHint} className="min-w-0">
      <MediaDropZone id={id} onPick={pick} invalid={Boolean(fileError)} describedBy={fieldDescribedBy(id, fileError, limitsHint)} compact={compact}>
        {state && kind ? (
          <div className="grid gap-3" data-testid="media-selected">
            <MediaPreview file={state.file} kind={kind} />
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <MediaFileSummary file={state.file} kind={kind} className="basis-56" />
              <div className="ml-auto flex items-center gap-1">
                <Button type="button" variant="outline" size="sm" onClick={() => openFilePicker(id)}>
                  {t("media.chooseAnother")}
                </Button>
                <Button type="button" variant="ghost" size="icon" aria-label={t("media.remove")} title={t("media.remove")} onClick={clear}>
                  <X aria-hidden />
                </Button>
              </div>
            </div>
            <MediaUploadStatus attachment={attachment} />
          </div>
        ) : null}
      </MediaDropZone>
    </FormField>
  );
}

/** A labelled on/off option under a file field ("Send as a document"), its hint read with the switch. */
export function MediaOptionSwitch({ id, label, hint, checked, onCheckedChange }: { id: string; label: string; hint: string; checked: boolean; onCheckedChange: (value: boolean) => void }) {
  return (
    <div className="flex items-start gap-3">
      <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} aria-describedby={`${id}-hint`} className="mt-0.5" />
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}
