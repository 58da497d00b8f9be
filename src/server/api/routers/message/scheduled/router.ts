import { createTRPCRouter } from "../../../trpc";
import { cancelScheduledRoute } from "./cancel-scheduled";
import { listScheduledRoute } from "./list-scheduled";

export const scheduledRouter = createTRPCRouter({
  list: listScheduledRoute,
  cancel: cancelScheduledRoute,
});
