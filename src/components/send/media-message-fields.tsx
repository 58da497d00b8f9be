"use client";

import { X } from "lucide-react";
import { useFormatBytes } from "@/components/media/format-bytes";
import { MediaDropZone, openFilePicker } from "@/components/media/media-drop-zone";
import { MediaFileSummary, MediaPreview, MediaUploadStatus } from "@/components/media/media-preview";
import { useMediaLimits, type MediaAttachment } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { fieldDescribedBy, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { canBeVoiceNote, MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";

export type MediaField = "file" | "caption";

/**
 * The Media tab of /send-message: the file (picked or dropped, previewed, uploaded at once), how to send it, and a
 * caption. Audio takes no caption; photos and videos can go as documents; Ogg/Opus audio can go as a voice note.
 */
export function MediaMessageFields(props: {
  attachment: MediaAttachment;
  caption: string;
  onCaptionChange: (caption: string) => void;
  asDocument: boolean;
  onAsDocumentChange: (value: boolean) => void;
  voiceNote: boolean;
  onVoiceNoteChange: (value: boolean) => void;
  errors: Partial<Record<MediaField, string>>;
}) {
  const t = useT();
  const bytes = useFormatBytes();
  const limits = useMediaLimits();
  const { attachment, caption, errors } = props;
  const { state, kind, mimeType } = attachment;
  const fileError = errors.file ?? attachment.error;
  const limitsHint = limits.data
    ? t("media.limitsHint", { image: bytes(limits.data.image), video: bytes(limits.data.video), audio: bytes(limits.data.audio), document: bytes(limits.data.document) })
    : undefined;
  const captionHint = t("media.captionCount", { count: caption.length, max: MAX_CAPTION_LENGTH });

  return (
    <div className="grid gap-4">
      <FormField id="media-file" label={t("media.file")} error={fileError} hint={limitsHint} className="min-w-0">
        <MediaDropZone id="media-file" onPick={attachment.pick} invalid={Boolean(fileError)} describedBy={fieldDescribedBy("media-file", fileError, limitsHint)}>
          {state && kind ? (
            <div className="grid gap-3" data-testid="media-selected">
              <MediaPreview file={state.file} kind={kind} />
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <MediaFileSummary file={state.file} kind={kind} className="basis-56" />
                <div className="ml-auto flex items-center gap-1">
                  <Button type="button" variant="outline" size="sm" onClick={() => openFilePicker("media-file")}>
                    {t("media.chooseAnother")}
                  </Button>
                  <Button type="button" variant="ghost" size="icon" aria-label={t("media.remove")} title={t("media.remove")} onClick={attachment.clear}>
                    <X aria-hidden />
                  </Button>
                </div>
              </div>
              <MediaUploadStatus attachment={attachment} />
            </div>
          ) : null}
        </MediaDropZone>
      </FormField>

      {kind === "image" || kind === "video" ? (
        <SwitchField id="media-as-document" label={t("media.sendAsDocument")} hint={t("media.sendAsDocumentHint")} checked={props.asDocument} onCheckedChange={props.onAsDocumentChange} />
      ) : null}
      {kind === "audio" && mimeType && canBeVoiceNote(mimeType) ? (
        <SwitchField id="media-voice-note" label={t("media.voiceNote")} hint={t("media.voiceNoteHint")} checked={props.voiceNote} onCheckedChange={props.onVoiceNoteChange} />
      ) : null}

      {kind === "audio" ? (
        <p className="text-sm text-muted-foreground" data-testid="media-no-caption">
          {t("media.noCaptionAudio")}
        </p>
      ) : (
        <FormField id="caption" label={t("media.caption")} error={errors.caption} hint={captionHint}>
          <Textarea
            id="caption"
            rows={3}
            placeholder={t("media.captionPlaceholder")}
            value={caption}
            onChange={(e) => props.onCaptionChange(e.target.value)}
            aria-invalid={Boolean(errors.caption)}
            aria-describedby={fieldDescribedBy("caption", errors.caption, captionHint)}
          />
        </FormField>
      )}
    </div>
  );
}

function SwitchField({ id, label, hint, checked, onCheckedChange }: { id: string; label: string; hint: string; checked: boolean; onCheckedChange: (value: boolean) => void }) {
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
