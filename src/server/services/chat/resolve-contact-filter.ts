import type { Prisma } from "@/generated/prisma/client";
import { parsePhone, toJid } from "@/lib/phone";
import { db } from "../../db";

/** How many saved contacts a name filter may expand to. */
const NAME_MATCHES_MAX = 50;

export type ContactFilter = { kind: "chats"; chatJids: string[] } | { kind: "digits"; digits: string } | { kind: "none" };

/**
 * Reads the "contact" box of the history search: a jid, a phone number in any common format (exact chat), a part of
 * a number (digits), or a saved contact's name (their chats). Exact chats keep the query on the chat index.
 */
export async function resolveContactFilter(contact: string, ownerId: number | undefined): Promise<ContactFilter> {
  const text = contact.trim();
  if (text.includes("@")) return { kind: "chats", chatJids: [text] };
  const digits = text.replace(/\D/g, "");
  if (/^[\d\s()+.-]+$/.test(text)) {
    const phone = digits.length >= 8 ? parsePhone(text) : undefined;
    return phone?.ok ? { kind: "chats", chatJids: [toJid(phone.e164)] } : { kind: "digits", digits };
  }
  const where: Prisma.ContactWhereInput = { name: { contains: text }, ...(ownerId === undefined ? {} : { ownerId }) };
  const matches = await db().contact.findMany({ where, select: { phone: true }, orderBy: { id: "asc" }, take: NAME_MATCHES_MAX });
  const chatJids = [...new Set(matches.flatMap((m) => (parsePhone(m.phone).ok ? [toJid(m.phone)] : [])))];
  return chatJids.length > 0 ? { kind: "chats", chatJids } : { kind: "none" };
}

