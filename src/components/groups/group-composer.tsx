"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SendHorizontal } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { AttachButton, AttachmentRow } from "@/components/media/attachment-picker";
import { useMediaAttachment, type UploadedMedia } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** `@name` or `@number` somewhere in the text: sent through sendMention, which refuses a text mentioning nobody. */
const MENTION = /(^|\s)@\S/;

/** Text (with @mentions) through group.sendMessage/sendMention, or an attached file through group.sendMedia. */
export function GroupComposer({ deviceId, groupJid, disabled }: { deviceId: string; groupJid: string; disabled: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [uploading, setUploading] = useState(false);
  const attachment = useMediaAttachment();
  /** Empties the composer of what was sent, and only that: the user may have written the next message meanwhile. */
  const sentOnly = (sentText: string, file: File | null) => ({
    onSuccess: () => {
      setText((now) => (now === sentText ? "" : now));
      if (file) attachment.clearIfStill(file);
      void queryClient.invalidateQueries({ queryKey: trpc.chat.groupHistory.queryKey({ deviceId, groupJid, limit: 50 }) });
    },
  });
  const onError = (error: unknown) => toast.error(t("adminGroups.sendFailed", { reason: errorMessage(error, t) }));
  const sendText = useMutation(trpc.group.sendMessage.mutationOptions({ onError }));
  const sendMention = useMutation(trpc.group.sendMention.mutationOptions({ onError }));
  const sendMedia = useMutation(trpc.group.sendMedia.mutationOptions({ onError }));
  const busy = sendText.isPending || sendMention.isPending || sendMedia.isPending || uploading;
  const canSend = attachment.state ? attachment.state.phase !== "error" : text.trim().length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (disabled || busy || !canSend) return;
    if (!attachment.state) {
      (MENTION.test(text) ? sendMention : sendText).mutate({ deviceId, groupJid, text }, sentOnly(text, null));
      return;
    }
    const { file } = attachment.state;
    setUploading(true);
    let media: UploadedMedia;
    try {
      media = await attachment.ready();
    } catch {
      return;
    } finally {
      setUploading(false);
    }
    sendMedia.mutate({ deviceId, groupJid, mediaId: media.id, caption: text || undefined }, sentOnly(text, file));
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="grid gap-2 border-t pt-3" noValidate>
      <AttachmentRow attachment={attachment} removeLabel={t("chat.removeAttachment")} busy={busy} testId="group-attachment" />
      <div className="flex items-end gap-2">
        <AttachButton attachment={attachment} label={t("adminGroups.attach")} disabled={disabled || busy} testId="group-file-input" />
        <label htmlFor="group-composer" className="sr-only">
          {t("adminGroups.composerLabel")}
        </label>
        <Textarea
          id="group-composer"
          rows={1}
          className="max-h-36 min-h-10 flex-1 resize-none [field-sizing:content]"
          placeholder={attachment.state ? t("adminGroups.captionPlaceholder") : t("adminGroups.composerPlaceholder")}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" size="icon" className="size-10 shrink-0" aria-label={t("adminGroups.send")} loading={busy} disabled={disabled || !canSend}>
          {busy ? null : <SendHorizontal aria-hidden />}
        </Button>
      </div>
    </form>
  );
}
