/** The bot page's tabs, in order; the page reads the open one from `?tab=`. */
export const BOT_TABS = ["settings", "rules", "test", "handoffs", "logs", "stats"] as const;
export type BotTab = (typeof BOT_TABS)[number];
