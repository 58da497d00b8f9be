import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { contactSelect, toContactView, type ContactRow, type ContactView } from "./contact-select";
import { assertOwnerTags } from "./owner-tags";
import { recordOwnedChange } from "./record-change";

/** Replaces the contact's tags with `tagIds`, which must all be tags of the contact's owner (an empty list clears them). */
export async function setContactTags(input: ServiceCall & { contact: ContactRow; tagIds: number[] }): Promise<ContactView> {
  const { contact } = input;
  const row = await db().$transaction(async (tx) => {
    const tagIds = await assertOwnerTags(tx, contact.ownerId, input.tagIds);
    await tx.contactTag.deleteMany({ where: { contactId: contact.id } });
    if (tagIds.length > 0) await tx.contactTag.createMany({ data: tagIds.map((tagId) => ({ contactId: contact.id, tagId })) });
    return tx.contact.findUniqueOrThrow({ where: { id: contact.id }, select: contactSelect });
  });
  await recordOwnedChange({
    ...input,
    ownerId: contact.ownerId,
    action: "contact.setTags",
    targetType: "contact",
    targetId: contact.id,
    details: { tagIds: row.tags.map((t) => t.tag.id) },
  });
  return toContactView(row);
}
