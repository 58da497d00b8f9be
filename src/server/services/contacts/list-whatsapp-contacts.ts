import { db } from "../../db";
import { ADDRESS_BOOK_LIMIT, whatsAppAddressBook, type AddressBookEntry } from "./whatsapp-address-book";

export type WhatsAppContact = AddressBookEntry & { savedContact: { id: number; name: string } | null };

/** The device's WhatsApp address book, each entry marked with the owner's saved contact for that number, if any. */
export async function listWhatsAppContacts(device: { id: number; ownerId: number }): Promise<{
  items: WhatsAppContact[];
  source: "chats";
  truncated: boolean;
}> {
  const book = await whatsAppAddressBook(device.id, ADDRESS_BOOK_LIMIT + 1);
  const entries = book.slice(0, ADDRESS_BOOK_LIMIT);
  const saved = await db().contact.findMany({
    where: { ownerId: device.ownerId, phone: { in: entries.map((e) => e.phone) } },
    select: { id: true, name: true, phone: true },
  });
  const byPhone = new Map(saved.map((c) => [c.phone, { id: c.id, name: c.name }]));
  return {
    items: entries.map((entry) => ({ ...entry, savedContact: byPhone.get(entry.phone) ?? null })),
    source: "chats",
    truncated: book.length > ADDRESS_BOOK_LIMIT,
  };
}
