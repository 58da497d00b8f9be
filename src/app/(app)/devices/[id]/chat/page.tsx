import { DeviceChatView } from "@/components/chat/device-chat-view";
import { pageTitle } from "@/i18n/metadata";
import { parsePhone, toJid } from "@/lib/phone";

export const generateMetadata = pageTitle("chat.title");

/** `?chat=` holds a chat's jid; a link written by hand may hold the number instead (`?chat=6281234567890`). */
function chatJidFrom(chat: string): string {
  const value = chat.trim();
  if (value.includes("@")) return value;
  const phone = parsePhone(value.startsWith("+") ? value : `+${value}`);
  return phone.ok ? toJid(phone.e164) : value;
}

export default async function DeviceChatPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ chat?: string | string[] }>;
}) {
  const [{ id }, { chat }] = await Promise.all([params, searchParams]);
  return <DeviceChatView deviceId={decodeURIComponent(id)} initialChat={typeof chat === "string" && chat.trim() ? chatJidFrom(chat) : null} />;
}
