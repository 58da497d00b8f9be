import { listActivity } from "../../../services/activity/list-activity";
import { protectedProcedure } from "../../trpc";
import { ZListActivityRequestSchema, ZListActivityResponseSchema } from "./list-activity.types";
import { rest } from "../../rest/rest-meta";

export const listActivityRoute = protectedProcedure.meta(rest("GET", "/activity", "Activity", "Your activity log"))
  .input(ZListActivityRequestSchema)
  .output(ZListActivityResponseSchema)
  .query(({ ctx, input }) => listActivity({ actor: ctx.actor, ...input }));
