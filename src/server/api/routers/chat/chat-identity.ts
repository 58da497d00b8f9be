import { chatIdentity } from "../../../services/chat/chat-identity";
import { markChatRead } from "../../../services/chat/mark-chat-read";
import { deviceProcedure } from "../../procedures";
import { ZChatIdentityRequestSchema, ZChatIdentityResponseSchema, ZMarkChatReadRequestSchema, ZMarkChatReadResponseSchema } from "./chat-identity.types";
import { rest } from "../../rest/rest-meta";

/** Who a chat is with: the saved contact's name, else their WhatsApp name; null → the UI shows the number. */
export const chatIdentityRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/chats/identity", "Chats", "Who a chat is with"))
  .input(ZChatIdentityRequestSchema)
  .output(ZChatIdentityResponseSchema)
  .query(({ ctx, input }) => chatIdentity({ device: ctx.device, chatJid: input.chatJid }));

/** Opening a conversation: its unread badge clears everywhere. */
export const markChatReadRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/chats/read", "Chats", "Mark a chat read", "send"))
  .input(ZMarkChatReadRequestSchema)
  .output(ZMarkChatReadResponseSchema)
  .mutation(({ ctx, input }) => markChatRead({ device: ctx.device, chatJid: input.chatJid }));
