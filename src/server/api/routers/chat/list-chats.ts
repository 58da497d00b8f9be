import { listRecentChats } from "../../../services/chat/list-recent-chats";
import { deviceProcedure } from "../../procedures";
import { ZListChatsRequestSchema, ZListChatsResponseSchema } from "./list-chats.types";
import { rest } from "../../rest/rest-meta";

/** The device's chats by latest activity; groups only for admins. */
export const listChatsRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/chats", "Chats", "Recent chats of a device"))
  .input(ZListChatsRequestSchema)
  .output(ZListChatsResponseSchema)
  .query(({ ctx, input }) => listRecentChats({ device: ctx.device, includeGroups: ctx.actor.role === "admin", ...input }));
