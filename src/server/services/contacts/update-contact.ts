import { toJid } from "@/lib/phone";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { duplicatePhoneError } from "./create-contact";
import { contactSelect, toContactView, type ContactRow, type ContactView } from "./contact-select";
import { assertOwnerTags } from "./owner-tags";
import { isUniqueViolation, recordOwnedChange } from "./record-change";

export interface UpdateContactInput extends ServiceCall {
  contact: ContactRow;
  name?: string;
  /** E.164, already validated (zPhone). */
  phone?: string;
  /** null clears the notes. */
  notes?: string | null;
  /** Replaces the contact's tags when given. */
  tagIds?: number[];
}

/** Changes the given fields; the jid follows the phone. Omitted fields keep their value; an empty edit writes nothing. */
export async function updateContact(input: UpdateContactInput): Promise<ContactView> {
  const { contact } = input;
  const changed = (["name", "phone", "notes", "tagIds"] as const).filter((field) => input[field] !== undefined);
  if (changed.length === 0) return toContactView(contact);
  const phone = input.phone ?? contact.phone;
  let row;
  try {
    row = await db().$transaction(async (tx) => {
      if (phone !== contact.phone) {
        const clash = await tx.contact.findUnique({ where: { ownerId_phone: { ownerId: contact.ownerId, phone } }, select: { name: true } });
        if (clash) throw duplicatePhoneError(phone, clash.name);
      }
      const tagIds = input.tagIds === undefined ? undefined : await assertOwnerTags(tx, contact.ownerId, input.tagIds);
      return tx.contact.update({
        where: { id: contact.id, ownerId: contact.ownerId },
        data: {
          name: input.name,
          phone,
          jid: toJid(phone),
          notes: input.notes,
          ...(tagIds ? { tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) } } : {}),
        },
        select: contactSelect,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePhoneError(phone, undefined, error);
    throw error;
  }
  await recordOwnedChange({ ...input, ownerId: contact.ownerId, action: "contact.update", targetType: "contact", targetId: contact.id, details: { changed } });
  return toContactView(row);
}
