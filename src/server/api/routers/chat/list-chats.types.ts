import { z } from "zod";
import { ZChatSummarySchema, zPageLimit } from "./chat-schema";

export const ZListChatsRequestSchema = z.object({
  /** "<epoch ms>|<chat jid>" from the previous page's nextCursor. */
  cursor: z
    .string()
    .max(160, "The page cursor is not valid")
    .regex(/^\d{1,15}\|.{1,128}$/, "The page cursor is not valid")
    .optional(),
  limit: zPageLimit(100, 30),
});
export const ZListChatsResponseSchema = z.object({ items: z.array(ZChatSummarySchema), nextCursor: z.string().nullable() });

export type TListChatsRequest = z.infer<typeof ZListChatsRequestSchema>;
export type TListChatsResponse = z.infer<typeof ZListChatsResponseSchema>;
