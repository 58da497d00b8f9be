import { createTRPCRouter } from "../../trpc";
import { adminRecordProcedures } from "./records";
import { adminSettingsRouter } from "./settings";
import { adminUsersRouter } from "./users";

export const adminRouter = createTRPCRouter({
  users: adminUsersRouter,
  settings: adminSettingsRouter,
  ...adminRecordProcedures,
});
