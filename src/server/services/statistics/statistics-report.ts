import { AppError } from "../../errors";
import { db } from "../../db";
import { readJobOutcomes, readStatistics } from "./read-statistics";
import { addDays, reportingDayOf, reportingTimeZone } from "./reporting-day";

export interface ReportInput {
  from?: string;
  to?: string;
  /** Public device id. */
  deviceId?: string;
  userId?: number;
}

const MAX_DAYS = 366;

/**
 * Statistics for a range (default: the last 14 reporting days), narrowed to a device or a user. `viewerId` set
 * means a user asking for their own figures: another user's device is NOT_FOUND, like everywhere else.
 */
export async function statisticsReport(input: ReportInput & { viewerId?: number }) {
  const today = reportingDayOf(new Date());
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -13);
  if (from > to) throw new AppError("INVALID_INPUT", "The end date is before the start date");
  if (addDays(from, MAX_DAYS - 1) < to) throw new AppError("INVALID_INPUT", `Choose at most ${MAX_DAYS} days`);
  const ownerId = input.viewerId ?? input.userId;
  let deviceRowId: number | undefined;
  if (input.deviceId) {
    const device = await db().device.findFirst({ where: { deviceId: input.deviceId, ...(input.viewerId ? { ownerId: input.viewerId } : {}) }, select: { id: true } });
    if (!device) throw new AppError("NOT_FOUND", "Device not found");
    deviceRowId = device.id;
  }
  const scope = { from, to, ownerId, deviceId: deviceRowId };
  const [stats, jobs] = await Promise.all([readStatistics(scope), readJobOutcomes(scope)]);
  return { ...stats, jobs, timeZone: reportingTimeZone() };
}
