import { z } from "zod";
import { zDeviceId } from "../../procedures";
import { toOriginView, ZSenderViewFields } from "../message/message-schema";
import { ZChatMessageRowSchema, zGroupJid, zMessageCursor, zPageLimit } from "./chat-schema";

export const ZGetGroupHistoryRequestSchema = z.object({
  deviceId: zDeviceId,
  groupJid: zGroupJid,
  cursor: zMessageCursor.optional(),
  limit: zPageLimit(100, 50),
});
const ZGroupMessageRowSchema = ZChatMessageRowSchema.extend({ senderName: z.string().nullable() });

/** Messages of a group conversation, each with its sender's name (incoming ones). The pipe gives the OpenAPI document the view's shape. */
export const ZGetGroupHistoryResponseSchema = z.object({
  items: z.array(ZGroupMessageRowSchema.transform(toOriginView).pipe(ZGroupMessageRowSchema.omit({ ownerId: true, sentBy: true }).extend(ZSenderViewFields))),
  nextCursor: z.string().nullable(),
});

export type TGetGroupHistoryRequest = z.infer<typeof ZGetGroupHistoryRequestSchema>;
export type TGetGroupHistoryResponse = z.infer<typeof ZGetGroupHistoryResponseSchema>;
