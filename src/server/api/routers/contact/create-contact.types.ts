import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { ZContactSchema, zContactName, zContactNotes, zTagIds } from "./contact-schema";

export const ZCreateContactRequestSchema = z.object({
  name: zContactName,
  phone: zPhone,
  notes: zContactNotes.optional(),
  /** The caller's own tags. */
  tagIds: zTagIds.optional(),
});
export const ZCreateContactResponseSchema = ZContactSchema;

export type TCreateContactRequest = z.infer<typeof ZCreateContactRequestSchema>;
export type TCreateContactResponse = z.infer<typeof ZCreateContactResponseSchema>;
