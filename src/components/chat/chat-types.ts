import type { RouterOutputs } from "@/trpc/react";

export type ChatSummaryItem = RouterOutputs["chat"]["list"]["items"][number];
export type ChatMessageItem = RouterOutputs["chat"]["history"]["items"][number];
export type FoundMessageItem = RouterOutputs["chat"]["search"]["items"][number];

/** What the conversation header knows about the open chat (from the list, or only its jid when opened by link). */
export interface OpenChat {
  chatJid: string;
  name: string | null;
  /** Whether `name` is a saved contact; unknown until the list or chat.identity says. */
  saved?: boolean;
}
