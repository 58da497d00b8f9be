import { createTRPCRouter } from "../../trpc";
import { listActivityRoute } from "./list-activity";

export const activityRouter = createTRPCRouter({
  list: listActivityRoute,
});
