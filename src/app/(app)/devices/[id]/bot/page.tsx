import { BOT_TABS, type BotTab } from "@/components/bot/bot-tabs";
import { BotView } from "@/components/bot/bot-view";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.deviceBot");

export default async function DeviceBotPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string | string[] }> }) {
  const [{ id }, { tab }] = await Promise.all([params, searchParams]);
  const initialTab: BotTab = BOT_TABS.find((name) => name === tab) ?? "settings";
  return <BotView deviceId={decodeURIComponent(id)} initialTab={initialTab} />;
}
