import { dailyChatList } from "../../../services/chat/daily-chat-list";
import { deviceProcedure } from "../../procedures";
import { ZListDailyChatsRequestSchema, ZListDailyChatsResponseSchema } from "./list-daily-chats.types";
import { rest } from "../../rest/rest-meta";

/** The seed's dailyChatList: chats with activity on one local day, with that day's counts. */
export const listDailyChatsRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/daily-chats", "Chats", "Chats active on one day"))
  .input(ZListDailyChatsRequestSchema)
  .output(ZListDailyChatsResponseSchema)
  .query(({ ctx, input }) => dailyChatList({ device: ctx.device, includeGroups: ctx.actor.role === "admin", ...input }));
