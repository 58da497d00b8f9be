import { createTRPCRouter } from "../../trpc";
import { adminRecordProcedures } from "./records";
import { adminSettingsRouter } from "./settings";
import { adminJobsRoute } from "./jobs";
import { adminUsersRouter } from "./users";

export const adminRouter = createTRPCRouter({
  users: adminUsersRouter,
  settings: adminSettingsRouter,
  ...adminRecordProcedures,
  jobs: adminJobsRoute,
});
