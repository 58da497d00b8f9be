import { searchMessages } from "../../../services/chat/search-messages";
import { protectedProcedure } from "../../trpc";
import { ZSearchMessagesRequestSchema, ZSearchMessagesResponseSchema } from "./search-messages.types";

/** /chat-history: own devices for users (another user's device is NOT_FOUND), every device for admins. */
export const searchMessagesRoute = protectedProcedure
  .input(ZSearchMessagesRequestSchema)
  .output(ZSearchMessagesResponseSchema)
  .query(({ ctx, input: { messageDirection, ...input } }) => searchMessages({ actor: ctx.actor, ...input, direction: messageDirection }));
