import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { ZChatMessagePageSchema, zChatJid, zMessageCursor, zPageLimit } from "./chat-schema";

export const ZGetChatHistoryRequestSchema = z
  .object({
    chatJid: zChatJid.optional(),
    /** Instead of chatJid: the contact's number in any common format. */
    phone: zPhone.optional(),
    cursor: zMessageCursor.optional(),
    limit: zPageLimit(100, 50),
  })
  .refine((input) => (input.chatJid === undefined) !== (input.phone === undefined), { message: "Give either chatJid or phone", path: ["chatJid"] })
  .refine((input) => !input.chatJid?.endsWith("@g.us"), { message: "Group conversations are read with chat.groupHistory", path: ["chatJid"] });
export const ZGetChatHistoryResponseSchema = ZChatMessagePageSchema;

export type TGetChatHistoryRequest = z.infer<typeof ZGetChatHistoryRequestSchema>;
export type TGetChatHistoryResponse = z.infer<typeof ZGetChatHistoryResponseSchema>;
