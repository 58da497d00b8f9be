import { createTRPCRouter } from "../../trpc";
import { adminJobsRoute } from "./jobs";
import { adminUsersRouter } from "./users";

export const adminRouter = createTRPCRouter({
  users: adminUsersRouter,
  jobs: adminJobsRoute,
});
