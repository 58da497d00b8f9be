import { db } from "../../db";
import { zonedMoment } from "@/lib/bot/business-hours";
import { parseScheduleTime } from "../scheduled/zoned-time";
import { parseBotReason, type BotReasonDetail } from "@/lib/bot/bot-reason";
import type { BotOutcome } from "./bot-types";

export interface BotLogView {
  id: number;
  contactJid: string;
  outcome: string;
  reason: string;
  /** The reason as data (null for rows logged before it was kept), to show in the reader's language. */
  why: BotReasonDetail | null;
  ruleId: number | null;
  ruleName: string | null;
  replyMessageId: number | null;
  createdAt: Date;
}

/** The device's decisions, newest first, page by page (cursor = the last id of the previous page). */
export async function listBotLogs(input: { devicePk: number; outcome?: BotOutcome; contactJid?: string; cursor?: number; limit: number }): Promise<{ items: BotLogView[]; nextCursor: number | null }> {
  const rows = await db().botLog.findMany({
    where: {
      deviceId: input.devicePk,
      ...(input.outcome ? { decision: input.outcome } : {}),
      ...(input.contactJid ? { contactJid: input.contactJid } : {}),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    select: { id: true, contactJid: true, decision: true, reason: true, details: true, ruleId: true, ruleName: true, replyMessageId: true, createdAt: true },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map(({ decision, details, ...row }) => ({ ...row, outcome: decision, why: parseBotReason(details) }));
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

export interface BotStats {
  days: Array<{ date: string; replies: number; handoffs: number; outOfHours: number; welcomes: number }>;
  byRule: Array<{ ruleId: number; ruleName: string; replies: number }>;
}

const BUCKET_SECONDS = 900;

/**
 * Per day in the bot's time zone, for the last `days` days (today included): replies actually sent, hand-offs
 * started, out-of-hours messages and welcomes; and replies per rule. Counted in the database in 15-minute buckets
 * (every zone offset is a multiple of 15 minutes), then bucketed into local days here.
 */
export async function botStats(input: { devicePk: number; timeZone: string; days: number; now?: Date }): Promise<BotStats> {
  const now = input.now ?? new Date();
  // Calendar days counted back from today's local date (a DST day has 23 or 25 hours, so not in 24-hour steps).
  const today = new Date(`${zonedMoment(now, input.timeZone).date}T00:00:00Z`);
  const dates: string[] = [];
  for (let i = input.days - 1; i >= 0; i -= 1) dates.push(new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  const firstDay = dates[0] ?? zonedMoment(now, input.timeZone).date;
  const start = parseScheduleTime(`${firstDay}T00:00`, input.timeZone);
  const since = start.ok ? start.at : new Date(now.getTime() - input.days * 86_400_000);
  const buckets = await db().$queryRaw<Array<{ bucket: bigint | number; decision: string; sent: bigint | number; total: bigint | number }>>`
    SELECT FLOOR(UNIX_TIMESTAMP(createdAt) / ${BUCKET_SECONDS}) AS bucket, decision,
           SUM(replyMessageId IS NOT NULL) AS sent, COUNT(*) AS total
      FROM \`BotLog\`
     WHERE deviceId = ${input.devicePk} AND createdAt >= ${since}
       AND decision IN ('rule', 'welcome', 'out_of_hours', 'handoff_started')
     GROUP BY bucket, decision`;
  const byDate = new Map(dates.map((date) => [date, { date, replies: 0, handoffs: 0, outOfHours: 0, welcomes: 0 }]));
  for (const row of buckets) {
    const day = byDate.get(zonedMoment(new Date(Number(row.bucket) * BUCKET_SECONDS * 1000), input.timeZone).date);
    if (!day) continue;
    const sent = Number(row.sent);
    if (row.decision === "handoff_started") day.handoffs += Number(row.total);
    else day.replies += sent;
    if (row.decision === "out_of_hours") day.outOfHours += sent;
    if (row.decision === "welcome") day.welcomes += sent;
  }
  const rules = await db().botLog.groupBy({
    by: ["ruleId", "ruleName"],
    where: { deviceId: input.devicePk, decision: "rule", replyMessageId: { not: null }, createdAt: { gte: since }, ruleId: { not: null } },
    _count: { _all: true },
  });
  const merged = new Map<number, { ruleId: number; ruleName: string; replies: number }>();
  for (const row of rules) {
    if (row.ruleId === null) continue;
    const entry = merged.get(row.ruleId) ?? { ruleId: row.ruleId, ruleName: row.ruleName ?? "", replies: 0 };
    entry.replies += row._count._all;
    merged.set(row.ruleId, entry);
  }
  return { days: [...byDate.values()], byRule: [...merged.values()].sort((a, b) => b.replies - a.replies) };
}
