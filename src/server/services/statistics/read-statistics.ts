import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import type { DailyDelta } from "./daily-delta";
import { dateColumn, daysBetween, reportingDayRange } from "./reporting-day";

export interface StatTotals extends DailyDelta {
  /** Replied chats / chats with incoming messages (0..1). */
  responseRate: number;
  /** Delivered (and read) / outgoing (0..1). */
  deliveredRate: number;
  readRate: number;
}

export interface StatsScope {
  from: string;
  to: string;
  ownerId?: number;
  deviceId?: number;
}

type Sums = DailyDelta;

const SUM_FIELDS = { incoming: true, outgoing: true, activeChats: true, incomingChats: true, repliedChats: true, delivered: true, read: true, failed: true } as const;

function withRates(s: Partial<Record<keyof Sums, number | null>>): StatTotals {
  const n = (v: number | null | undefined) => v ?? 0;
  const sums: Sums = {
    incoming: n(s.incoming),
    outgoing: n(s.outgoing),
    activeChats: n(s.activeChats),
    incomingChats: n(s.incomingChats),
    repliedChats: n(s.repliedChats),
    delivered: n(s.delivered),
    read: n(s.read),
    failed: n(s.failed),
  };
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    ...sums,
    responseRate: ratio(sums.repliedChats, sums.incomingChats),
    deliveredRate: ratio(sums.delivered, sums.outgoing),
    readRate: ratio(sums.read, sums.outgoing),
  };
}

function scopeWhere(scope: StatsScope): Prisma.DailyStatisticWhereInput {
  return {
    date: { gte: dateColumn(scope.from), lte: dateColumn(scope.to) },
    ...(scope.deviceId ? { deviceId: scope.deviceId } : {}),
    ...(scope.ownerId ? { device: { ownerId: scope.ownerId } } : {}),
  };
}

/** Totals, one point per day (every day of the range, zeros included), per device and per user — from DailyStatistic only. */
export async function readStatistics(scope: StatsScope) {
  const prisma = db();
  const where = scopeWhere(scope);
  const [byDate, byDeviceRows, totalRow] = await Promise.all([
    prisma.dailyStatistic.groupBy({ by: ["date"], where, _sum: SUM_FIELDS, orderBy: { date: "asc" } }),
    prisma.dailyStatistic.groupBy({ by: ["deviceId"], where, _sum: SUM_FIELDS }),
    prisma.dailyStatistic.aggregate({ where, _sum: SUM_FIELDS }),
  ]);
  const dated = new Map(byDate.map((row) => [row.date.toISOString().slice(0, 10), withRates(row._sum)]));
  const daily = daysBetween(scope.from, scope.to).map((date) => ({ date, ...(dated.get(date) ?? withRates({})) }));
  const devices = await prisma.device.findMany({
    where: { id: { in: byDeviceRows.map((r) => r.deviceId) } },
    select: { id: true, deviceId: true, deviceName: true, owner: { select: { id: true, username: true } } },
  });
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const byDevice = byDeviceRows
    .flatMap((row) => {
      const device = deviceById.get(row.deviceId);
      return device ? [{ deviceId: device.deviceId, deviceName: device.deviceName, ownerId: device.owner.id, owner: device.owner.username, ...withRates(row._sum) }] : [];
    })
    .sort((a, b) => b.incoming + b.outgoing - (a.incoming + a.outgoing));
  const users = new Map<number, { userId: number; username: string; sums: Partial<Record<keyof Sums, number>> }>();
  for (const row of byDeviceRows) {
    const device = deviceById.get(row.deviceId);
    if (!device) continue;
    const entry = users.get(device.owner.id) ?? { userId: device.owner.id, username: device.owner.username, sums: {} };
    for (const key of Object.keys(SUM_FIELDS) as Array<keyof Sums>) entry.sums[key] = (entry.sums[key] ?? 0) + (row._sum[key] ?? 0);
    users.set(device.owner.id, entry);
  }
  const byUser = [...users.values()]
    .map((u) => ({ userId: u.userId, username: u.username, ...withRates(u.sums) }))
    .sort((a, b) => b.incoming + b.outgoing - (a.incoming + a.outgoing));
  return { from: scope.from, to: scope.to, totals: withRates(totalRow._sum), daily, byDevice, byUser };
}

/** Bulk-job outcomes of jobs created in the range (reporting days). */
export async function readJobOutcomes(scope: Pick<StatsScope, "from" | "to" | "ownerId" | "deviceId">) {
  const start = reportingDayRange(scope.from).start;
  const end = reportingDayRange(scope.to).end;
  const rows = await db().job.groupBy({
    by: ["status"],
    where: {
      createdAt: { gte: start, lt: end },
      ...(scope.ownerId ? { ownerId: scope.ownerId } : {}),
      ...(scope.deviceId ? { deviceId: scope.deviceId } : {}),
    },
    _count: { _all: true },
    _sum: { completed: true, failed: true, total: true },
  });
  return rows.map((r) => ({ status: r.status, jobs: r._count._all, recipients: r._sum.total ?? 0, sent: r._sum.completed ?? 0, failed: r._sum.failed ?? 0 }));
}
