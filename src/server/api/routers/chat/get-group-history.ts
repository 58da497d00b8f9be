import { groupHistory } from "../../../services/chat/group-history";
import { adminProcedure } from "../../trpc";
import { ZGetGroupHistoryRequestSchema, ZGetGroupHistoryResponseSchema } from "./get-group-history.types";
import { rest } from "../../rest/rest-meta";

/** Admin only (SPEC §2: groups are administered centrally); users get FORBIDDEN before any lookup. */
export const getGroupHistoryRoute = adminProcedure.meta(rest("GET", "/devices/{deviceId}/groups/history", "Chats", "Messages of a group (admin)", "admin"))
  .input(ZGetGroupHistoryRequestSchema)
  .output(ZGetGroupHistoryResponseSchema)
  .query(({ ctx, input }) => groupHistory({ actor: ctx.actor, ...input }));
