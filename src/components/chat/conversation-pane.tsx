"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft, UserPlus } from "lucide-react";
import { useEffect, useState } from "react";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { HandoffBanner } from "@/components/bot/handoff-banner";
import { ContactDialog } from "@/components/contacts/contact-dialog";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { chatDisplayName } from "@/components/messages/display-name";
import { Button } from "@/components/ui/button";
import { useT } from "@/i18n/provider";
import { formatPhone, phoneFromJid } from "@/lib/phone";
import { useTRPC } from "@/trpc/react";
import { ChatAvatar } from "./chat-avatar";
import type { OpenChat } from "./chat-types";
import { Composer } from "./composer";
import { ConversationMessages } from "./conversation-messages";

/** Opening a conversation reads it: its unread badge clears here and in every other tab, and again as messages arrive. */
function useMarkChatRead(deviceId: string, chatJid: string) {
  const trpc = useTRPC();
  const markRead = useMutation(trpc.chat.markRead.mutationOptions());
  const { mutate } = markRead;
  useEffect(() => {
    mutate({ deviceId, chatJid });
  }, [mutate, deviceId, chatJid]);
  useLiveEvent("message.received", (event) => {
    if (event.data.deviceId === deviceId && event.data.chatJid === chatJid) mutate({ deviceId, chatJid });
  });
}

/** The right pane: who the chat is with, the messages, and the composer. */
export function ConversationPane({ deviceId, deviceStatus, chat, onBack }: { deviceId: string; deviceStatus: DeviceStatus; chat: OpenChat; onBack: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const phone = phoneFromJid(chat.chatJid);
  const isGroup = chat.chatJid.endsWith("@g.us");
  // The list's name may be missing (opened by link or from "new chat") or stale (just saved): ask for the current one.
  const identity = useQuery(trpc.chat.identity.queryOptions({ deviceId, chatJid: chat.chatJid }, { enabled: !isGroup && phone !== null }));
  const name = identity.data ? identity.data.name : chat.name;
  const saved = identity.data?.saved ?? chat.saved ?? false;
  const title = chatDisplayName({ name, chatJid: chat.chatJid }, t("chat.unnamed"));
  const [saving, setSaving] = useState(false);
  useMarkChatRead(deviceId, chat.chatJid);
  const disabledReason = isGroup ? t("chat.groupReadOnly") : !phone ? t("chat.notAPerson") : deviceStatus !== "connected" ? t("chat.offline") : null;
  return (
    <section className="flex min-h-0 flex-1 flex-col bg-muted/30" aria-label={title} data-testid="conversation" data-chat-jid={chat.chatJid}>
      <header className="flex items-center gap-3 border-b bg-card px-3 py-2.5 sm:px-4">
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("chat.backToChats")} onClick={onBack}>
          <ArrowLeft aria-hidden />
        </Button>
        <ChatAvatar jid={chat.chatJid} label={name} isGroup={isGroup} className="size-9" />
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold" data-testid="conversation-title">
            {title}
          </h2>
          {name && phone ? <p className="truncate text-xs text-muted-foreground">{formatPhone(phone)}</p> : null}
        </div>
        {phone && !saved && identity.isSuccess ? (
          <Button variant="outline" size="sm" onClick={() => setSaving(true)} data-testid="save-contact">
            <UserPlus aria-hidden />
            <span className="hidden sm:inline">{t("chat.saveContact")}</span>
            <span className="sr-only sm:hidden">{t("chat.saveContact")}</span>
          </Button>
        ) : null}
      </header>
      {isGroup ? null : <HandoffBanner deviceId={deviceId} chatJid={chat.chatJid} />}
      <ConversationMessages key={chat.chatJid} deviceId={deviceId} chatJid={chat.chatJid} />
      <Composer key={`composer-${chat.chatJid}`} deviceId={deviceId} phone={phone} disabledReason={disabledReason} />
      {saving && phone ? <ContactDialog draft={{ name: name ?? undefined, phone }} open onOpenChange={(open) => !open && setSaving(false)} /> : null}
    </section>
  );
}
