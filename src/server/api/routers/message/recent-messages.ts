import { recentMessages } from "../../../services/messages/recent-messages";
import { protectedProcedure } from "../../trpc";
import { ZRecentMessagesRequestSchema, ZRecentMessagesResponseSchema } from "./recent-messages.types";
import { rest } from "../../rest/rest-meta";

export const recentMessagesRoute = protectedProcedure.meta(rest("GET", "/messages/recent", "Messages", "Your most recent messages"))
  .input(ZRecentMessagesRequestSchema)
  .output(ZRecentMessagesResponseSchema)
  .query(({ ctx, input }) => recentMessages({ actor: ctx.actor, limit: input.limit }));
