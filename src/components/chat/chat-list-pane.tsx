"use client";

import { MessageSquarePlus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/i18n/provider";
import { DailyChats, RecentChats } from "./chat-lists";
import type { ChatSummaryItem } from "./chat-types";
import { NewChatForm } from "./new-chat-form";

type Mode = "recent" | "day";

/** The left pane: recent chats or one day's chats, and a way to start a new chat. */
export function ChatListPane({
  deviceId,
  selectedJid,
  onSelect,
  onOpenJid,
}: {
  deviceId: string;
  selectedJid: string | null;
  onSelect: (chat: ChatSummaryItem) => void;
  onOpenJid: (chatJid: string) => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<Mode>("recent");
  const [composing, setComposing] = useState(false);
  return (
    <div className="flex min-h-0 flex-col">
      <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
        <Tabs value={mode} onValueChange={(value) => setMode(value === "day" ? "day" : "recent")}>
          <TabsList>
            <TabsTrigger value="recent">{t("chat.recent")}</TabsTrigger>
            <TabsTrigger value="day">{t("chat.byDay")}</TabsTrigger>
          </TabsList>
        </Tabs>
        <Button variant="ghost" size="icon" aria-label={t("chat.newChat")} aria-expanded={composing} title={t("chat.newChat")} onClick={() => setComposing((v) => !v)}>
          <MessageSquarePlus aria-hidden />
        </Button>
      </div>
      {composing ? (
        <NewChatForm
          onOpen={(jid) => {
            setComposing(false);
            onOpenJid(jid);
          }}
        />
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        {mode === "recent" ? (
          <RecentChats deviceId={deviceId} selectedJid={selectedJid} onSelect={onSelect} />
        ) : (
          <DailyChats deviceId={deviceId} selectedJid={selectedJid} onSelect={onSelect} />
        )}
      </div>
    </div>
  );
}
