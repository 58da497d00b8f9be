import { env } from "@/env";
import { dayRange, todayIn } from "../chat/day-range";

export function reportingTimeZone(): string {
  return env().REPORTING_TIME_ZONE;
}

/** The reporting day (YYYY-MM-DD) an instant falls on. */
export function reportingDayOf(instant: Date, timeZone = reportingTimeZone()): string {
  return todayIn(timeZone, instant);
}

/** A YYYY-MM-DD day as the value of a DATE column (UTC midnight, which is how Prisma reads DATE back). */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The instants [start, end) of a reporting day. */
export function reportingDayRange(day: string, timeZone = reportingTimeZone()): { start: Date; end: Date } {
  return dayRange(day, timeZone);
}

/** Every YYYY-MM-DD from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = dateColumn(from); d <= dateColumn(to); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
  return days;
}

/** The day `n` days before `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(dateColumn(day).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}
