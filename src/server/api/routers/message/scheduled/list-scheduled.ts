import { listScheduled } from "../../../../services/scheduled/list-scheduled";
import { protectedProcedure } from "../../../trpc";
import { ZListScheduledRequestSchema, ZListScheduledResponseSchema } from "./list-scheduled.types";
import { rest } from "../../../rest/rest-meta";

/** One device's scheduled messages, or all of the caller's (everyone's for admins). */
export const listScheduledRoute = protectedProcedure.meta(rest("GET", "/scheduled", "Scheduled", "List scheduled messages"))
  .input(ZListScheduledRequestSchema)
  .output(ZListScheduledResponseSchema)
  .query(({ ctx, input }) => listScheduled({ actor: ctx.actor, ...input }));
