"use client";

import { MessageSquarePlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useT } from "@/i18n/provider";
import { useNormalisedPhoneHint } from "@/components/phone/normalised-phone-hint";
import { useParsePhone } from "@/components/phone/phone-rule";
import { toJid } from "@/lib/phone";

/** Opens a conversation with any number, written the way people write numbers. */
export function NewChatForm({ onOpen }: { onOpen: (chatJid: string) => void }) {
  const t = useT();
  const [phone, setPhone] = useState("");
  const [error, setError] = useState<string | null>(null);
  const parsePhone = useParsePhone();
  const hint = useNormalisedPhoneHint(phone, "", "open");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parsePhone(phone);
    if (!parsed.ok) {
      setError(t("validation.phone"));
      return;
    }
    setError(null);
    setPhone("");
    onOpen(toJid(parsed.e164));
  };
  return (
    <form onSubmit={submit} noValidate className="grid gap-1 border-b px-4 py-3">
      <label htmlFor="new-chat-phone" className="text-xs font-medium text-muted-foreground">
        {t("chat.newChatLabel")}
      </label>
      <div className="flex gap-2">
        <Input
          id="new-chat-phone"
          inputMode="tel"
          className="h-8"
          placeholder={t("chat.newChatPlaceholder")}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy("new-chat-phone", error, hint)}
        />
        <Button type="submit" size="sm" variant="outline">
          <MessageSquarePlus aria-hidden />
          {t("chat.open")}
        </Button>
      </div>
      {error ? (
        <p id="new-chat-phone-error" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id="new-chat-phone-hint" className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </form>
  );
}
