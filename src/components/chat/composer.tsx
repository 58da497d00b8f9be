"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SendHorizontal } from "lucide-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/**
 * Sends text through message.sendText. The stored `pending` row and every later receipt reach the conversation as
 * live events; the refetch after success only covers a dropped stream.
 */
export function Composer({ deviceId, phone, disabledReason }: { deviceId: string; phone: string | null; disabledReason: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const send = useMutation(
    trpc.message.sendText.mutationOptions({
      onSuccess: () => {
        setText("");
        void queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
      },
      onError: (error) => toast.error(t("chat.sendFailed", { reason: errorMessage(error, t) })),
    }),
  );
  const blocked = disabledReason !== null || phone === null;
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (blocked || send.isPending || !text.trim() || !phone) return;
    send.mutate({ deviceId, to: phone, text });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form onSubmit={submit} className="border-t bg-card px-3 py-3 sm:px-4" noValidate>
      {disabledReason ? (
        <p className="mb-2 text-xs text-muted-foreground" data-testid="composer-disabled">
          {disabledReason}
        </p>
      ) : null}
      <div className="flex items-end gap-2">
        <label htmlFor="chat-composer" className="sr-only">
          {t("chat.composerLabel")}
        </label>
        <Textarea
          id="chat-composer"
          rows={1}
          className="max-h-36 min-h-10 flex-1 resize-none [field-sizing:content]"
          placeholder={t("chat.composerPlaceholder")}
          title={t("chat.composerHint")}
          value={text}
          disabled={blocked}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" size="icon" className="size-10 rounded-full" aria-label={t("chat.send")} loading={send.isPending} disabled={blocked || !text.trim()}>
          {send.isPending ? null : <SendHorizontal aria-hidden />}
        </Button>
      </div>
    </form>
  );
}
