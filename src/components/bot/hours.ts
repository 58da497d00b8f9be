import type { BusinessHours, DayHours, TimeInterval } from "./types";

export const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An end may be 24:00 (open until midnight). */
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DEFAULT_INTERVAL: TimeInterval = { start: "09:00", end: "17:00" };

/** Seven days, Monday first, whatever the server sent (missing days are closed). */
export function fullWeek(weekly: DayHours[]): DayHours[] {
  return DAYS.map((day) => ({ day, intervals: weekly.find((d) => d.day === day)?.intervals.map((i) => ({ ...i })) ?? [] }));
}

function updateDay(hours: BusinessHours, day: number, change: (intervals: TimeInterval[]) => TimeInterval[]): BusinessHours {
  return { ...hours, weekly: fullWeek(hours.weekly).map((d) => (d.day === day ? { day, intervals: change(d.intervals) } : d)) };
}

/** A new interval after the day's last one: an hour after it ends (or 09:00–17:00 on a closed day). */
export function addInterval(hours: BusinessHours, day: number): BusinessHours {
  return updateDay(hours, day, (intervals) => {
    const last = intervals.at(-1);
    if (!last) return [{ ...DEFAULT_INTERVAL }];
    const startMin = Math.min(toMinutes(last.end) + 60, 22 * 60);
    return [...intervals, { start: fromMinutes(startMin), end: fromMinutes(Math.min(startMin + 120, 23 * 60 + 59)) }];
  });
}

export function removeInterval(hours: BusinessHours, day: number, index: number): BusinessHours {
  return updateDay(hours, day, (intervals) => intervals.filter((_, i) => i !== index));
}

export function changeInterval(hours: BusinessHours, day: number, index: number, interval: TimeInterval): BusinessHours {
  return updateDay(hours, day, (intervals) => intervals.map((i, n) => (n === index ? interval : i)));
}

/** Open with 09:00–17:00, or closed all day. */
export function setDayOpen(hours: BusinessHours, day: number, open: boolean): BusinessHours {
  return updateDay(hours, day, () => (open ? [{ ...DEFAULT_INTERVAL }] : []));
}

export function copyDay(hours: BusinessHours, from: number, to: readonly number[]): BusinessHours {
  const source = fullWeek(hours.weekly).find((d) => d.day === from)?.intervals ?? [];
  return { ...hours, weekly: fullWeek(hours.weekly).map((d) => (to.includes(d.day) && d.day !== from ? { day: d.day, intervals: source.map((i) => ({ ...i })) } : d)) };
}

export function addClosedDate(hours: BusinessHours, date: string): BusinessHours {
  if (hours.closedDates.includes(date)) return hours;
  return { ...hours, closedDates: [...hours.closedDates, date].sort() };
}

export function removeClosedDate(hours: BusinessHours, date: string): BusinessHours {
  return { ...hours, closedDates: hours.closedDates.filter((d) => d !== date) };
}

export type IntervalProblem = "invalid" | "empty" | "overlap";

/**
 * What is wrong with one interval of a day, if anything: a malformed time, a zero-length interval, or an overlap with
 * an earlier interval of the same day. An end before the start is allowed: it runs past midnight.
 */
export function intervalProblem(intervals: TimeInterval[], index: number): IntervalProblem | null {
  const interval = intervals[index];
  if (!interval || !HH_MM.test(interval.start) || !END.test(interval.end)) return "invalid";
  if (interval.start === interval.end) return "empty";
  const [a0, a1] = span(interval);
  for (let i = 0; i < index; i += 1) {
    const other = intervals[i];
    if (!other || !HH_MM.test(other.start) || !END.test(other.end) || other.start === other.end) continue;
    const [b0, b1] = span(other);
    if (a0 < b1 && b0 < a1) return "overlap";
  }
  return null;
}

export function hoursAreValid(hours: BusinessHours): boolean {
  return fullWeek(hours.weekly).every((d) => d.intervals.every((_, i) => intervalProblem(d.intervals, i) === null));
}

export function isOvernight(interval: TimeInterval): boolean {
  return HH_MM.test(interval.start) && END.test(interval.end) && interval.end < interval.start;
}

function span(interval: TimeInterval): [number, number] {
  const start = toMinutes(interval.start);
  const end = toMinutes(interval.end);
  return [start, end <= start ? end + 24 * 60 : end];
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function fromMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
