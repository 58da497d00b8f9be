import { ChatHistoryView } from "@/components/chat/chat-history-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.chatHistory");

export default async function ChatHistoryPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("chatHistory.title")} description={t("chatHistory.description")} />
      <ChatHistoryView />
    </>
  );
}
