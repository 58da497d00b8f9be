import { toJid } from "@/lib/phone";
import { chatHistory } from "../../../services/chat/chat-history";
import { deviceProcedure } from "../../procedures";
import { ZGetChatHistoryRequestSchema, ZGetChatHistoryResponseSchema } from "./get-chat-history.types";
import { rest } from "../../rest/rest-meta";

/** One conversation of the device, newest first; older pages follow `nextCursor`. */
export const getChatHistoryRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/chats/history", "Chats", "Messages with one number"))
  .input(ZGetChatHistoryRequestSchema)
  .output(ZGetChatHistoryResponseSchema)
  .query(({ ctx, input }) =>
    chatHistory({ device: ctx.device, chatJid: input.chatJid ?? toJid(input.phone ?? ""), cursor: input.cursor, limit: input.limit }),
  );
