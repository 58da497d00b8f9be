import { groupHistory } from "../../../services/chat/group-history";
import { adminProcedure } from "../../trpc";
import { ZGetGroupHistoryRequestSchema, ZGetGroupHistoryResponseSchema } from "./get-group-history.types";

/** Admin only (SPEC §2: groups are administered centrally); users get FORBIDDEN before any lookup. */
export const getGroupHistoryRoute = adminProcedure
  .input(ZGetGroupHistoryRequestSchema)
  .output(ZGetGroupHistoryResponseSchema)
  .query(({ ctx, input }) => groupHistory({ actor: ctx.actor, ...input }));
