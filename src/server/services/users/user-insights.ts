import { AppError } from "../../errors";
import { db } from "../../db";
import { readStatistics } from "../statistics/read-statistics";
import { addDays, reportingDayOf } from "../statistics/reporting-day";
import { adminUserSelect } from "./admin-user-select";
import { userFootprint } from "./user-footprint";

/** Admin: one account at a glance — devices, traffic over 7 and 30 days, jobs, last login, and what deleting it removes. */
export async function userInsights(userId: number, now = new Date()) {
  const prisma = db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: adminUserSelect });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const today = reportingDayOf(now);
  const [devices, last30, jobs, footprint] = await Promise.all([
    prisma.device.findMany({ where: { ownerId: userId }, select: { deviceId: true, deviceName: true, status: true, phoneNumber: true, lastSeen: true }, orderBy: { id: "asc" } }),
    readStatistics({ from: addDays(today, -29), to: today, ownerId: userId }),
    prisma.job.groupBy({ by: ["status"], where: { ownerId: userId }, _count: { _all: true } }),
    userFootprint(userId),
  ]);
  const sumDays = (days: typeof last30.daily) => days.reduce((acc, d) => ({ incoming: acc.incoming + d.incoming, outgoing: acc.outgoing + d.outgoing }), { incoming: 0, outgoing: 0 });
  return {
    user,
    devices,
    messages: { last7Days: sumDays(last30.daily.slice(-7)), last30Days: sumDays(last30.daily) },
    jobs: Object.fromEntries(jobs.map((j) => [j.status, j._count._all])) as Partial<Record<string, number>>,
    footprint,
  };
}
