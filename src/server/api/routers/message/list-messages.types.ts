import { z } from "zod";
import { MessageDirection } from "@/generated/prisma/enums";
import { ZListedMessageSchema } from "./message-schema";

export const ZListMessagesRequestSchema = z.object({
  chatJid: z
    .string()
    .trim()
    .max(128, "Chat id is too long")
    .regex(/^[\w.:-]+@[\w.]+$/, "Chat id must be a WhatsApp jid such as 6281234567890@s.whatsapp.net")
    .optional(),
  direction: z.enum(MessageDirection).optional(),
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
});
export const ZListMessagesResponseSchema = z.object({ items: z.array(ZListedMessageSchema), nextCursor: z.number().int().nullable() });

export type TListMessagesRequest = z.infer<typeof ZListMessagesRequestSchema>;
export type TListMessagesResponse = z.infer<typeof ZListMessagesResponseSchema>;
