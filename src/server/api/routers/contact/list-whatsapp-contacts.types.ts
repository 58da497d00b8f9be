import { z } from "zod";

export const ZWhatsAppContactSchema = z.object({
  jid: z.string(),
  phone: z.string(),
  /** The name the contact set in WhatsApp, when one was recorded. */
  pushName: z.string().nullable(),
  lastMessageAt: z.date(),
  messageCount: z.number().int(),
  /** The owner's saved contact with this number, if any. */
  savedContact: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export const ZListWhatsAppContactsResponseSchema = z.object({
  items: z.array(ZWhatsAppContactSchema),
  /** "chats": derived from the device's stored one-to-one chats (the connection keeps no contact store). */
  source: z.literal("chats"),
  /** More chats exist than were returned (the most recent ones are listed). */
  truncated: z.boolean(),
});

export type TListWhatsAppContactsResponse = z.infer<typeof ZListWhatsAppContactsResponseSchema>;
