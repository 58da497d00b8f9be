import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import type { ContactRow } from "./contact-select";
import { recordOwnedChange } from "./record-change";

/** Deletes the contact (its tag links go with it); messages with the number are kept. */
export async function deleteContact(input: ServiceCall & { contact: ContactRow }): Promise<{ id: number }> {
  const { contact } = input;
  await db().contact.delete({ where: { id: contact.id, ownerId: contact.ownerId } });
  await recordOwnedChange({
    ...input,
    ownerId: contact.ownerId,
    action: "contact.delete",
    targetType: "contact",
    targetId: contact.id,
    details: { name: contact.name, phone: contact.phone },
  });
  return { id: contact.id };
}
