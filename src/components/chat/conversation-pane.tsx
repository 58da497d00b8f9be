"use client";

import { ArrowLeft } from "lucide-react";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { useT } from "@/i18n/provider";
import { phoneFromJid } from "@/lib/phone";
import { ChatAvatar } from "./chat-avatar";
import { chatTitle, type OpenChat } from "./chat-types";
import { Composer } from "./composer";
import { ConversationMessages } from "./conversation-messages";

/** The right pane: who the chat is with, the messages, and the composer. */
export function ConversationPane({ deviceId, deviceStatus, chat, onBack }: { deviceId: string; deviceStatus: DeviceStatus; chat: OpenChat; onBack: () => void }) {
  const t = useT();
  const phone = phoneFromJid(chat.chatJid);
  const isGroup = chat.chatJid.endsWith("@g.us");
  const title = chatTitle(chat, phone, t("chat.unnamed"));
  const disabledReason = isGroup ? t("chat.groupReadOnly") : !phone ? t("chat.notAPerson") : deviceStatus !== "connected" ? t("chat.offline") : null;
  return (
    <section className="flex min-h-0 flex-1 flex-col bg-muted/30" aria-label={title} data-testid="conversation" data-chat-jid={chat.chatJid}>
      <header className="flex items-center gap-3 border-b bg-card px-3 py-2.5 sm:px-4">
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("chat.backToChats")} onClick={onBack}>
          <ArrowLeft aria-hidden />
        </Button>
        <ChatAvatar jid={chat.chatJid} label={title} isGroup={isGroup} className="size-9" />
        <div className="min-w-0">
          <h2 className="truncate font-semibold" data-testid="conversation-title">
            {title}
          </h2>
          {chat.name && phone ? <p className="truncate font-mono text-xs text-muted-foreground">{phone}</p> : null}
        </div>
      </header>
      <ConversationMessages key={chat.chatJid} deviceId={deviceId} chatJid={chat.chatJid} />
      <Composer key={`composer-${chat.chatJid}`} deviceId={deviceId} phone={phone} disabledReason={disabledReason} />
    </section>
  );
}
