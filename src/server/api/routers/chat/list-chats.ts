import { listRecentChats } from "../../../services/chat/list-recent-chats";
import { deviceProcedure } from "../../procedures";
import { ZListChatsRequestSchema, ZListChatsResponseSchema } from "./list-chats.types";

/** The device's chats by latest activity; groups only for admins. */
export const listChatsRoute = deviceProcedure
  .input(ZListChatsRequestSchema)
  .output(ZListChatsResponseSchema)
  .query(({ ctx, input }) => listRecentChats({ device: ctx.device, includeGroups: ctx.actor.role === "admin", ...input }));
