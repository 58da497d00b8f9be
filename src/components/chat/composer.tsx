"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SendHorizontal } from "lucide-react";
import { useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { AttachButton, AttachmentRow } from "@/components/media/attachment-picker";
import { useMediaAttachment, type UploadedMedia } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { useTRPC } from "@/trpc/react";

/**
 * Sends text through message.sendText, or an attached file (uploaded as soon as it is chosen or dropped) through
 * message.sendMedia with the typed text as its caption. Audio takes no caption, so its text follows as a message of
 * its own. The stored `pending` row and every later receipt reach the conversation as live events; the refetch after
 * success only covers a dropped stream.
 */
export function Composer({ deviceId, phone, disabledReason }: { deviceId: string; phone: string | null; disabledReason: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [waitingForUpload, setWaitingForUpload] = useState(false);
  const attachment = useMediaAttachment();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
  const onError = (error: unknown) => toast.error(t("chat.sendFailed", { reason: errorMessage(error, t) }));
  const send = useMutation(trpc.message.sendText.mutationOptions({ onSuccess: refresh, onError }));
  /** Empties the box of the text that was sent, and only of it: the user may have written the next one meanwhile. */
  const clearSent = (sent: string) => setText((now) => (now === sent ? "" : now));
  const sendMedia = useMutation(trpc.message.sendMedia.mutationOptions({ onError }));
  const blocked = disabledReason !== null || phone === null;
  const busy = send.isPending || sendMedia.isPending || waitingForUpload;
  const canSend = attachment.state ? attachment.state.phase !== "error" : text.trim().length > 0;

  const sendFile = (media: UploadedMedia, file: File, to: string) => {
    const audio = media.kind === "audio";
    const caption = text;
    sendMedia.mutate(
      { deviceId, to, mediaId: media.id, caption: audio ? undefined : caption },
      {
        onSuccess: () => {
          attachment.clearIfStill(file);
          clearSent(caption);
          refresh();
          if (audio && caption.trim()) send.mutate({ deviceId, to, text: caption });
        },
      },
    );
  };

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (blocked || busy || !phone || !canSend) return;
    if (!attachment.state) {
      send.mutate({ deviceId, to: phone, text }, { onSuccess: () => clearSent(text) });
      return;
    }
    if (attachment.kind !== "audio" && text.length > MAX_CAPTION_LENGTH) {
      toast.error(t("chat.sendFailed", { reason: t("validation.maxChars", { max: MAX_CAPTION_LENGTH }) }));
      return;
    }
    const { file } = attachment.state;
    setWaitingForUpload(true);
    let media: UploadedMedia;
    try {
      media = await attachment.ready();
    } catch {
      // The attachment row says why the upload failed.
      return;
    } finally {
      setWaitingForUpload(false);
    }
    sendFile(media, file, phone);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };
  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!blocked && event.dataTransfer.types.includes("Files")) event.preventDefault();
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    const file = event.dataTransfer.files[0];
    if (blocked || !file) return;
    event.preventDefault();
    attachment.pick(file);
  };

  return (
    <form onSubmit={(e) => void submit(e)} onDragOver={onDragOver} onDrop={onDrop} className="border-t bg-card px-3 py-3 sm:px-4" noValidate>
      {disabledReason ? (
        <p className="mb-2 text-xs text-muted-foreground" data-testid="composer-disabled">
          {disabledReason}
        </p>
      ) : null}
      <AttachmentRow attachment={attachment} removeLabel={t("chat.removeAttachment")} busy={busy} testId="composer-attachment" className="mb-2">
        {attachment.kind === "audio" ? <p className="text-xs text-muted-foreground">{t("chat.audioNoCaption")}</p> : null}
      </AttachmentRow>
      <div className="flex items-end gap-2">
        <AttachButton attachment={attachment} label={t("chat.attach")} disabled={blocked || busy} testId="composer-file-input" className="rounded-full" />
        <label htmlFor="chat-composer" className="sr-only">
          {t("chat.composerLabel")}
        </label>
        <Textarea
          id="chat-composer"
          rows={1}
          className="max-h-36 min-h-10 flex-1 resize-none [field-sizing:content]"
          placeholder={attachment.state && attachment.kind !== "audio" ? t("chat.captionPlaceholder") : t("chat.composerPlaceholder")}
          title={t("chat.composerHint")}
          value={text}
          disabled={blocked}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" size="icon" className="size-10 shrink-0 rounded-full" aria-label={t("chat.send")} loading={busy} disabled={blocked || !canSend}>
          {busy ? null : <SendHorizontal aria-hidden />}
        </Button>
      </div>
    </form>
  );
}
