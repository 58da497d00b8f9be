import { listActivity } from "../../../services/activity/list-activity";
import { protectedProcedure } from "../../trpc";
import { ZListActivityRequestSchema, ZListActivityResponseSchema } from "./list-activity.types";

export const listActivityRoute = protectedProcedure
  .input(ZListActivityRequestSchema)
  .output(ZListActivityResponseSchema)
  .query(({ ctx, input }) => listActivity({ actor: ctx.actor, ...input }));
