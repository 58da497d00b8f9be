import { Prisma } from "@/generated/prisma/client";
import { phoneFromJid } from "@/lib/phone";
import { db } from "../../db";

export interface AddressBookEntry {
  jid: string;
  /** E.164. */
  phone: string;
  /** The contact's latest WhatsApp push name, when one was recorded. */
  pushName: string | null;
  lastMessageAt: Date;
  messageCount: number;
}

interface ChatRow {
  jid: string;
  lastMessageAt: Date;
  messageCount: bigint | number;
  pushName: string | null;
}

export const ADDRESS_BOOK_LIMIT = 5_000;
const UNIT_SEPARATOR = Prisma.raw("'\u001f'");

/**
 * What WhatsApp knows about the people a device talks to. The connection manager keeps no contact store (Baileys'
 * `contacts.*` events are not persisted), so this is derived from the device's stored chats: every one-to-one chat
 * jid, newest first, with the latest push name found in an incoming message's metadata (`metadata.pushName`).
 * Groups, broadcasts and LID-only chats have no phone number and are left out.
 */
export async function whatsAppAddressBook(deviceDbId: number, limit = ADDRESS_BOOK_LIMIT): Promise<AddressBookEntry[]> {
  // GROUP_CONCAT skips NULLs, so its first element is the newest recorded push name. SEPARATOR takes only a
  // literal, hence the raw unit separator (a control character no push name contains).
  const rows = await db().$queryRaw<ChatRow[]>`
    SELECT m.chatJid AS jid, MAX(m.timestamp) AS lastMessageAt, COUNT(*) AS messageCount,
      SUBSTRING_INDEX(GROUP_CONCAT(
        CASE WHEN m.direction = 'incoming' AND JSON_TYPE(JSON_EXTRACT(m.metadata, '$.pushName')) = 'STRING'
          THEN NULLIF(TRIM(JSON_UNQUOTE(JSON_EXTRACT(m.metadata, '$.pushName'))), '') END
        ORDER BY m.timestamp DESC, m.id DESC SEPARATOR ${UNIT_SEPARATOR}), CHAR(31 USING utf8mb4), 1) AS pushName
    FROM \`Message\` m
    WHERE m.deviceId = ${deviceDbId} AND m.chatJid LIKE '%@s.whatsapp.net'
    GROUP BY m.chatJid
    ORDER BY lastMessageAt DESC
    LIMIT ${limit}`;
  const entries: AddressBookEntry[] = [];
  for (const row of rows) {
    const phone = phoneFromJid(row.jid);
    if (!phone) continue;
    entries.push({
      jid: row.jid,
      phone,
      pushName: row.pushName ? row.pushName.slice(0, 100) : null,
      lastMessageAt: row.lastMessageAt,
      messageCount: Number(row.messageCount),
    });
  }
  return entries;
}
