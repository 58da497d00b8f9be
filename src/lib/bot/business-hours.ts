import { z } from "zod";

/**
 * Weekly business hours in the device's time zone. Days are 0 = Monday … 6 = Sunday. An interval whose end is not
 * after its start runs past midnight ("22:00"–"02:00"): it belongs to the day it starts on, so a closed date closes
 * the intervals that start on that date. "24:00" is allowed as an end (open until midnight).
 */
export interface HoursInterval {
  start: string;
  end: string;
}

export interface WeeklyDay {
  day: number;
  intervals: HoursInterval[];
}

export interface BusinessHours {
  weekly: WeeklyDay[];
  /** YYYY-MM-DD dates (holidays) on which nothing opens. */
  closedDates: string[];
}

export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_CLOSED_DATES = 366;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

export const zHoursInterval = z
  .object({
    start: z.string().regex(HH_MM, "Times are HH:MM (00:00–23:59)"),
    end: z.string().regex(END, "Times are HH:MM (00:00–24:00)"),
  })
  .refine((i) => minutesOf(i.end) !== minutesOf(i.start), { message: "An interval must not start and end at the same time" });

export const zBusinessHours = z.object({
  weekly: z
    .array(
      z.object({
        day: z.number().int().min(0, "Days are 0 (Monday) to 6 (Sunday)").max(6, "Days are 0 (Monday) to 6 (Sunday)"),
        intervals: z.array(zHoursInterval).max(MAX_INTERVALS_PER_DAY, `At most ${MAX_INTERVALS_PER_DAY} intervals per day`),
      }),
    )
    .max(7, "A week has seven days")
    .refine((days) => new Set(days.map((d) => d.day)).size === days.length, "Each day may appear only once"),
  closedDates: z
    .array(
      z
        .string()
        .regex(DATE, "Closed dates are YYYY-MM-DD")
        .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Not a calendar date"),
    )
    .max(MAX_CLOSED_DATES, `At most ${MAX_CLOSED_DATES} closed dates`),
});

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, intervals: day < 5 ? [{ start: "08:00", end: "17:00" }] : [] })),
  closedDates: [],
};

/** Sorted, each day once (0..6), duplicates dropped: the stored and returned shape. */
export function normalizeBusinessHours(hours: BusinessHours): BusinessHours {
  const weekly = [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const intervals = hours.weekly.find((d) => d.day === day)?.intervals ?? [];
    const unique = [...new Map(intervals.map((i) => [`${i.start}-${i.end}`, i])).values()];
    return { day, intervals: unique.sort((a, b) => minutesOf(a.start) - minutesOf(b.start)) };
  });
  return { weekly, closedDates: [...new Set(hours.closedDates)].sort() };
}

/** The date, weekday (0 = Monday) and minute of the day that `at` shows on a wall clock in `timeZone`. */
export interface ZonedMoment {
  date: string;
  weekday: number;
  minute: number;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function zonedMoment(at: Date, timeZone: string): ZonedMoment {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function overnight(i: HoursInterval): boolean {
  return minutesOf(i.end) <= minutesOf(i.start);
}

function intervalsOf(hours: BusinessHours, weekday: number): HoursInterval[] {
  return hours.weekly.find((d) => d.day === weekday)?.intervals ?? [];
}

/**
 * Whether the business is open at `at`. Wall-clock based: on a DST day 09:00 is 09:00 local whatever the offset,
 * and an interval over a skipped hour is simply shorter. Start is inclusive, end exclusive.
 */
export function isOpenAt(at: Date, timeZone: string, hours: BusinessHours): boolean {
  const now = zonedMoment(at, timeZone);
  const closed = new Set(hours.closedDates);
  if (!closed.has(now.date)) {
    for (const i of intervalsOf(hours, now.weekday)) {
      const start = minutesOf(i.start);
      if (overnight(i) ? now.minute >= start : now.minute >= start && now.minute < minutesOf(i.end)) return true;
    }
  }
  const yesterday = previousDate(now.date);
  if (!closed.has(yesterday)) {
    for (const i of intervalsOf(hours, (now.weekday + 6) % 7)) {
      if (overnight(i) && now.minute < minutesOf(i.end)) return true;
    }
  }
  return false;
}

/**
 * Names the closed period `at` falls in: the wall-clock date and time the business next opens ("2026-12-07 08:00"),
 * or "never" when nothing opens within a year. Two messages in the same closed period get the same key, so the
 * out-of-hours message goes once per period.
 */
export function closedPeriodKey(at: Date, timeZone: string, hours: BusinessHours): string {
  const now = zonedMoment(at, timeZone);
  const closed = new Set(hours.closedDates);
  let date = now.date;
  let weekday = now.weekday;
  for (let offset = 0; offset <= 372; offset += 1) {
    if (!closed.has(date)) {
      const starts = intervalsOf(hours, weekday)
        .map((i) => minutesOf(i.start))
        .filter((start) => offset > 0 || start > now.minute)
        .sort((a, b) => a - b);
      if (starts.length > 0) {
        const m = starts[0] ?? 0;
        return `${date} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      }
    }
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    date = next.toISOString().slice(0, 10);
    weekday = (weekday + 1) % 7;
  }
  return "never";
}
