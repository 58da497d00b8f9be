import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { ZContactSchema, zContactName, zContactNotes, zTagIds } from "./contact-schema";

/** With `contactId`. Omitted fields keep their value; `notes: null` clears them; `tagIds` replaces the tags. */
export const ZUpdateContactRequestSchema = z.object({
  name: zContactName.optional(),
  phone: zPhone.optional(),
  notes: zContactNotes.optional(),
  tagIds: zTagIds.optional(),
});
export const ZUpdateContactResponseSchema = ZContactSchema;

export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequestSchema>;
export type TUpdateContactResponse = z.infer<typeof ZUpdateContactResponseSchema>;
