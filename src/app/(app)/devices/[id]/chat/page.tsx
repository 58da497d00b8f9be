import { DeviceChatView } from "@/components/chat/device-chat-view";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("chat.title");

export default async function DeviceChatPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ chat?: string | string[] }>;
}) {
  const [{ id }, { chat }] = await Promise.all([params, searchParams]);
  return <DeviceChatView deviceId={decodeURIComponent(id)} initialChat={typeof chat === "string" && chat ? chat : null} />;
}
