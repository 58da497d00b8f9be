"use client";

import { MediaAttachmentField, MediaOptionSwitch } from "@/components/media/media-attachment-field";
import type { MediaAttachment } from "@/components/media/use-media-upload";
import { fieldDescribedBy, FormField } from "@/components/ui/form-field";
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
  const { attachment, caption, errors } = props;
  const { kind, mimeType } = attachment;
  const captionHint = t("media.captionCount", { count: caption.length, max: MAX_CAPTION_LENGTH });

  return (
    <div className="grid gap-4">
      <MediaAttachmentField id="media-file" label={t("media.file")} attachment={attachment} error={errors.file} />

      {kind === "image" || kind === "video" ? (
        <MediaOptionSwitch id="media-as-document" label={t("media.sendAsDocument")} hint={t("media.sendAsDocumentHint")} checked={props.asDocument} onCheckedChange={props.onAsDocumentChange} />
      ) : null}
      {kind === "audio" && mimeType && canBeVoiceNote(mimeType) ? (
        <MediaOptionSwitch id="media-voice-note" label={t("media.voiceNote")} hint={t("media.voiceNoteHint")} checked={props.voiceNote} onCheckedChange={props.onVoiceNoteChange} />
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
