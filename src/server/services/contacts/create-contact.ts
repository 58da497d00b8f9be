import { toJid } from "@/lib/phone";
import { AppError } from "../../errors";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { contactSelect, toContactView, type ContactView } from "./contact-select";
import { assertOwnerTags } from "./owner-tags";
import { isUniqueViolation, recordOwnedChange } from "./record-change";

export interface CreateContactInput extends ServiceCall {
  name: string;
  /** E.164, already validated (zPhone). */
  phone: string;
  notes?: string | null;
  tagIds?: number[];
}

export function duplicatePhoneError(phone: string, existingName: string | undefined, cause?: unknown): AppError {
  const who = existingName ? ` (${existingName})` : "";
  return new AppError("CONFLICT", `You already have a contact with the number ${phone}${who}`, { cause });
}

/** Saves a contact for the caller; one contact per number and owner. */
export async function createContact(input: CreateContactInput): Promise<ContactView> {
  const ownerId = input.actor.id;
  let row;
  try {
    row = await db().$transaction(async (tx) => {
      const existing = await tx.contact.findUnique({ where: { ownerId_phone: { ownerId, phone: input.phone } }, select: { name: true } });
      if (existing) throw duplicatePhoneError(input.phone, existing.name);
      const tagIds = await assertOwnerTags(tx, ownerId, input.tagIds ?? []);
      return tx.contact.create({
        data: {
          ownerId,
          name: input.name,
          phone: input.phone,
          jid: toJid(input.phone),
          notes: input.notes ?? null,
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
        select: contactSelect,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePhoneError(input.phone, undefined, error);
    throw error;
  }
  await recordOwnedChange({ ...input, ownerId, action: "contact.create", targetType: "contact", targetId: row.id, details: { phone: row.phone } });
  return toContactView(row);
}
