import { cancelScheduled } from "../../../../services/scheduled/cancel-scheduled";
import { protectedProcedure } from "../../../trpc";
import { ZCancelScheduledRequestSchema, ZCancelScheduledResponseSchema } from "./cancel-scheduled.types";
import { rest } from "../../../rest/rest-meta";

/** Cancels a pending scheduled message; another user's is NOT_FOUND, one already being sent is CONFLICT. */
export const cancelScheduledRoute = protectedProcedure.meta(rest("POST", "/scheduled/{id}/cancel", "Scheduled", "Cancel a scheduled message", "send"))
  .input(ZCancelScheduledRequestSchema)
  .output(ZCancelScheduledResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ scheduledId: input.id, actorId: ctx.actor.id }, "message.scheduled.cancel");
    return cancelScheduled({ actor: ctx.actor, meta: ctx.meta, id: input.id });
  });
