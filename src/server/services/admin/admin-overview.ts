import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { readStatistics } from "../statistics/read-statistics";
import { addDays, reportingDayOf } from "../statistics/reporting-day";

const DAY_MS = 86_400_000;

/** Admin home: the state of the instance at a glance. Statistics come from DailyStatistic, never from Message scans. */
export async function adminOverview(now = new Date()) {
  const prisma = db();
  const today = reportingDayOf(now);
  const since24h = new Date(now.getTime() - DAY_MS);
  const [users, activeUsers, admins, devicesByStatus, jobsRunning, jobsQueued, failedMessages24h, failedJobs24h, traffic, attention, newUsers] = await Promise.all([
    prisma.user.count(),
    prisma.user.count({ where: { isActive: true } }),
    prisma.user.count({ where: { role: "admin" } }),
    prisma.device.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.job.count({ where: { status: "processing" } }),
    prisma.job.count({ where: { status: "queued" } }),
    prisma.message.count({ where: { status: "failed", timestamp: { gte: since24h } } }),
    prisma.job.count({ where: { status: { in: ["failed", "partial"] }, finishedAt: { gte: since24h } } }),
    readStatistics({ from: addDays(today, -13), to: today }),
    prisma.device.findMany({
      // Should be online but is not, or WhatsApp ended the session, or the last attempt left an error.
      where: { OR: [{ status: "logged_out" }, { autoConnect: true, status: { not: "connected" } }, { lastError: { not: null } }] },
      select: { deviceId: true, deviceName: true, status: true, lastError: true, lastSeen: true, owner: { select: { id: true, username: true } } },
      orderBy: { updatedAt: "desc" },
      take: 10,
    }),
    prisma.user.findMany({ where: { createdAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } }, select: { id: true, username: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 5 }),
  ]);
  const byStatus: Record<DeviceStatus, number> = { connected: 0, connecting: 0, qr_required: 0, disconnected: 0, logged_out: 0 };
  for (const row of devicesByStatus) byStatus[row.status] = row._count._all;
  const todayTotals = traffic.daily[traffic.daily.length - 1];
  return {
    today,
    users: { total: users, active: activeUsers, locked: users - activeUsers, admins },
    devices: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
    messagesToday: { incoming: todayTotals?.incoming ?? 0, outgoing: todayTotals?.outgoing ?? 0 },
    jobs: { running: jobsRunning, queued: jobsQueued },
    failures24h: { messages: failedMessages24h, jobs: failedJobs24h },
    traffic: traffic.daily.map((d) => ({ date: d.date, incoming: d.incoming, outgoing: d.outgoing })),
    attention,
    newUsers,
  };
}
