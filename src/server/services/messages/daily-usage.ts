import { driverParam, driverPool } from "../../db/driver-pool";

/** Midnight of the server's local day: "messages per day" counts from here. */
export function startOfToday(now = new Date()): Date {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start;
}

/**
 * An owner's daily limit and what counts against it: outgoing messages since midnight that did not fail. It runs on
 * every send, so it sums the owner's SendCount spans since midnight (kept by triggers on Message; at most 96 rows)
 * rather than counting the day's messages, which grew with every message sent that day.
 */
export const DAILY_USAGE_SQL = `SELECT u.dailyMessageLimit,
       (SELECT COALESCE(SUM(c.sent), 0) FROM \`SendCount\` c WHERE c.ownerId = u.id AND c.span >= ?) AS sentToday
  FROM \`User\` u WHERE u.id = ?`;

export interface DailyUsage {
  dailyMessageLimit: number;
  sentToday: number;
}

/** One round trip for the limit and today's count; null when the owner no longer exists. */
export async function readDailyUsage(ownerId: number, now = new Date()): Promise<DailyUsage | null> {
  const [row] = await driverPool().query<Array<{ dailyMessageLimit: number; sentToday: number | bigint | string }>>(DAILY_USAGE_SQL, [
    driverParam(startOfToday(now)),
    ownerId,
  ]);
  return row ? { dailyMessageLimit: Number(row.dailyMessageLimit), sentToday: Number(row.sentToday) } : null;
}
