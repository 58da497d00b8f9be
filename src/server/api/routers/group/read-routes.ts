import { z } from "zod";
import { groupInfo, listGroups } from "../../../services/groups/read-groups";
import { adminDeviceProcedure } from "../device/admin-device-procedure";
import { ZGroupDetailsSchema, ZGroupRefSchema, ZGroupSummarySchema } from "./group-schema";

/** Admin only (SPEC §2): the groups a device belongs to (and left), with member counts. */
export const listGroupsRoute = adminDeviceProcedure.output(z.array(ZGroupSummarySchema)).query(({ ctx }) => listGroups(ctx.device));

/** One group with its members, their roles and the device's own role. */
export const groupInfoRoute = adminDeviceProcedure
  .input(ZGroupRefSchema)
  .output(ZGroupDetailsSchema)
  .query(({ ctx, input }) => groupInfo(ctx.device, input.groupJid));
