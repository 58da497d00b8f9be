import { searchMessages } from "../../../services/chat/search-messages";
import { protectedProcedure } from "../../trpc";
import { ZSearchMessagesRequestSchema, ZSearchMessagesResponseSchema } from "./search-messages.types";
import { rest } from "../../rest/rest-meta";

/** /chat-history: own devices for users (another user's device is NOT_FOUND), every device for admins. */
export const searchMessagesRoute = protectedProcedure.meta(rest("GET", "/chats/search", "Chats", "Search message text"))
  .input(ZSearchMessagesRequestSchema)
  .output(ZSearchMessagesResponseSchema)
  .query(({ ctx, input: { messageDirection, ...input } }) => searchMessages({ actor: ctx.actor, ...input, direction: messageDirection }));
