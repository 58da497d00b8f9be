import { formatPhone, phoneFromJid } from "@/lib/phone";

/**
 * The one name shown for a chat everywhere: the saved contact's name or WhatsApp name (as the server resolved it),
 * else the formatted number ("+62 812-3456-7890"), else the group placeholder or the raw jid.
 */
export function chatDisplayName(chat: { name: string | null; chatJid: string }, unnamedGroup: string): string {
  if (chat.name) return chat.name;
  const phone = phoneFromJid(chat.chatJid);
  if (phone) return formatPhone(phone);
  return chat.chatJid.endsWith("@g.us") ? unnamedGroup : chat.chatJid;
}
