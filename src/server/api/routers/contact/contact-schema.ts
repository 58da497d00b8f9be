import { z } from "zod";
import { CONTACT_NAME_MAX, CONTACT_NOTES_MAX, TAG_NAME_MAX, TAGS_PER_CONTACT_MAX } from "@/lib/csv/contacts-csv";

export const zContactId = z
  .number({ error: "Contact id must be a number" })
  .int("Contact id must be a whole number")
  .positive("Contact id must be a positive number");

export const zTagId = z.number({ error: "Tag id must be a number" }).int("Tag id must be a whole number").positive("Tag id must be a positive number");

export const zTagIds = z.array(zTagId).max(TAGS_PER_CONTACT_MAX, `A contact can have at most ${TAGS_PER_CONTACT_MAX} tags`);

export const zContactName = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(CONTACT_NAME_MAX, `A name can be at most ${CONTACT_NAME_MAX} characters`);

/** Blank notes are stored as none. */
export const zContactNotes = z
  .string()
  .trim()
  .max(CONTACT_NOTES_MAX, `Notes can be at most ${CONTACT_NOTES_MAX} characters`)
  .transform((notes) => notes || null)
  .nullable();

export const zTagName = z
  .string({ error: "Enter a tag name" })
  .trim()
  .min(1, "Enter a tag name")
  .max(TAG_NAME_MAX, `A tag name can be at most ${TAG_NAME_MAX} characters`)
  .refine((name) => !name.includes(";"), "A tag name cannot contain ';' (it separates tags in CSV files)");

export const zTagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "A colour must be written like #22c55e")
  .nullable();

export const zOwnerFilter = z.number().int().positive().optional();

export const ZTagRefSchema = z.object({ id: z.number().int(), name: z.string(), color: z.string().nullable() });

/** A tag as the API returns it, with how many contacts carry it. */
export const ZTagSchema = ZTagRefSchema.extend({ ownerId: z.number().int(), contactCount: z.number().int(), createdAt: z.date() });

/** A contact as the API returns it: phone in E.164, jid computed from it, tags A→Z. */
export const ZContactSchema = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  name: z.string(),
  phone: z.string(),
  jid: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(ZTagRefSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A contact as lists and the contact's page show it: with the opt-out of their number, if any. */
export const ZContactWithOptOutSchema = ZContactSchema.extend({
  optOut: z
    .object({
      id: z.number().int(),
      createdAt: z.date(),
      keyword: z.string().nullable(),
      device: z.object({ deviceId: z.string(), deviceName: z.string() }).nullable(),
    })
    .nullable(),
});

export const ZIdResponseSchema = z.object({ id: z.number().int() });
