import { z } from "zod";
import { zDeviceId } from "../../procedures";
import { toOriginView } from "../message/message-schema";
import { ZChatMessageRowSchema, zGroupJid, zMessageCursor, zPageLimit } from "./chat-schema";

export const ZGetGroupHistoryRequestSchema = z.object({
  deviceId: zDeviceId,
  groupJid: zGroupJid,
  cursor: zMessageCursor.optional(),
  limit: zPageLimit(100, 50),
});
/** Messages of a group conversation, each with its sender's name (incoming ones). */
export const ZGetGroupHistoryResponseSchema = z.object({
  items: z.array(ZChatMessageRowSchema.extend({ senderName: z.string().nullable() }).transform(toOriginView)),
  nextCursor: z.string().nullable(),
});

export type TGetGroupHistoryRequest = z.infer<typeof ZGetGroupHistoryRequestSchema>;
export type TGetGroupHistoryResponse = z.infer<typeof ZGetGroupHistoryResponseSchema>;
