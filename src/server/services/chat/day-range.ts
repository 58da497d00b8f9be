import { AppError } from "../../errors";
import { parseScheduleTime } from "../scheduled/zoned-time";

/** The calendar day `date` (YYYY-MM-DD) in `timeZone` as a half-open instant range [start, end); DST days are 23 or 25 h. */
export function dayRange(date: string, timeZone: string): { start: Date; end: Date } {
  const start = parseScheduleTime(`${date}T00:00`, timeZone);
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const end = parseScheduleTime(`${next.toISOString().slice(0, 10)}T00:00`, timeZone);
  if (!start.ok || !end.ok) throw new AppError("INVALID_INPUT", `"${date}" is not a valid date`);
  return { start: start.at, end: end.at };
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
