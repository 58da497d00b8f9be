import { reportingDayRange } from "../statistics/reporting-day";

/** A from/to pair of reporting days (both included) as the instants [start, end). */
export function dayFilterRange(range: { from?: string; to?: string }): { start?: Date; end?: Date } {
  return {
    start: range.from ? reportingDayRange(range.from).start : undefined,
    end: range.to ? reportingDayRange(range.to).end : undefined,
  };
}

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, "\\$&");
