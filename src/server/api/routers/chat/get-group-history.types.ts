import { z } from "zod";
import { zDeviceId } from "../../procedures";
import { ZChatMessagePageSchema, zGroupJid, zMessageCursor, zPageLimit } from "./chat-schema";

export const ZGetGroupHistoryRequestSchema = z.object({
  deviceId: zDeviceId,
  groupJid: zGroupJid,
  cursor: zMessageCursor.optional(),
  limit: zPageLimit(100, 50),
});
export const ZGetGroupHistoryResponseSchema = ZChatMessagePageSchema;

export type TGetGroupHistoryRequest = z.infer<typeof ZGetGroupHistoryRequestSchema>;
export type TGetGroupHistoryResponse = z.infer<typeof ZGetGroupHistoryResponseSchema>;
