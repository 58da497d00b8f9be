import { z } from "zod";
import { statisticsReport } from "../../../services/statistics/statistics-report";
import { zDeviceId } from "../../procedures";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../../trpc";
import { rest } from "../../rest/rest-meta";
import { zDay, zUserId } from "../admin/admin-schema";
import { ZStatisticsReportSchema } from "./stats-schema";

const zRange = { from: zDay.optional(), to: zDay.optional(), deviceId: zDeviceId.optional() };

export const statsRouter = createTRPCRouter({
  /** The caller's own devices (SPEC §2: users see their own statistics on the dashboard). */
  mine: protectedProcedure
    .meta(rest("GET", "/stats", "Activity", "Message statistics of your devices"))
    .input(z.object(zRange).default({}))
    .output(ZStatisticsReportSchema)
    .query(({ ctx, input }) => statisticsReport({ ...input, viewerId: ctx.actor.id })),

  /** Everything, or one user or one device (admin). */
  global: adminProcedure
    .input(z.object({ ...zRange, userId: zUserId.optional() }).default({}))
    .query(({ input }) => statisticsReport(input)),
});
