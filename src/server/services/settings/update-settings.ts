import { AppError } from "../../errors";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { recordAudit } from "../audit/record-audit";
import { releaseCapHolds } from "../jobs/send-caps";
import { getSettings, putSetting, type AppSettings } from "./app-settings";

/** Admin: changes run-time settings; each changed setting is one audit row with its old and new value. */
export async function updateSettings(input: ServiceCall & { changes: Partial<AppSettings> }): Promise<AppSettings> {
  const before = await getSettings();
  const after = { ...before, ...Object.fromEntries(Object.entries(input.changes).filter(([, value]) => value !== undefined)) } as AppSettings;
  if (after.jobHourlyCapDefault > after.jobHourlyCapMax) {
    throw new AppError("INVALID_INPUT", `The default hourly cap (${after.jobHourlyCapDefault}) cannot be above the maximum (${after.jobHourlyCapMax})`);
  }
  if (after.jobDailyCapDefault > after.jobDailyCapMax) {
    throw new AppError("INVALID_INPUT", `The default daily cap (${after.jobDailyCapDefault}) cannot be above the maximum (${after.jobDailyCapMax})`);
  }
  await db().$transaction(async (tx) => {
    for (const [key, value] of Object.entries(input.changes) as Array<[keyof AppSettings, AppSettings[keyof AppSettings]]>) {
      if (value === undefined || before[key] === value) continue;
      await putSetting(key, value, tx);
      await recordAudit({ actorId: input.actor.id, action: "settings.update", targetType: "setting", targetId: key, details: { from: before[key], to: value }, ip: input.meta.ip }, tx);
    }
  });
  const caps = ["jobHourlyCapDefault", "jobHourlyCapMax", "jobDailyCapDefault", "jobDailyCapMax"] as const;
  // Jobs waiting on a cap are let go: the next claim holds them again under the new caps if still reached.
  if (caps.some((key) => before[key] !== after[key])) await releaseCapHolds();
  return getSettings();
}
