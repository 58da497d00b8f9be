import { recentMessages } from "../../../services/messages/recent-messages";
import { protectedProcedure } from "../../trpc";
import { ZRecentMessagesRequestSchema, ZRecentMessagesResponseSchema } from "./recent-messages.types";

export const recentMessagesRoute = protectedProcedure
  .input(ZRecentMessagesRequestSchema)
  .output(ZRecentMessagesResponseSchema)
  .query(({ ctx, input }) => recentMessages({ actor: ctx.actor, limit: input.limit }));
