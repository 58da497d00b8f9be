import { AppError } from "../../errors";
import { db } from "../../db";
import { releaseCapHolds, laneUsage, type SendCaps } from "../jobs/send-caps";
import { getSettings } from "../settings/app-settings";
import { recordDeviceAction } from "./connect-device";
import type { DeviceRow, ServiceCall } from "./types";

export interface DeviceSendCapsView {
  deviceId: string;
  /** The owner's own caps; null uses the admin's default. */
  hourlyCap: number | null;
  dailyCap: number | null;
  defaults: SendCaps;
  maxima: SendCaps;
  inForce: SendCaps;
  sentThisHour: number;
  sentToday: number;
}

/** A device's bulk send caps: its own, the admin's default and maximum, what is in force, and the sends so far. */
export async function getDeviceSendCaps(device: Pick<DeviceRow, "id" | "deviceId">): Promise<DeviceSendCapsView> {
  const settings = await getSettings();
  const own = await db().device.findUniqueOrThrow({ where: { id: device.id }, select: { hourlyCap: true, dailyCap: true } });
  const usage = (await laneUsage([device.id], settings)).get(device.id);
  return {
    deviceId: device.deviceId,
    hourlyCap: own.hourlyCap,
    dailyCap: own.dailyCap,
    defaults: { hourly: Math.min(settings.jobHourlyCapDefault, settings.jobHourlyCapMax), daily: Math.min(settings.jobDailyCapDefault, settings.jobDailyCapMax) },
    maxima: { hourly: settings.jobHourlyCapMax, daily: settings.jobDailyCapMax },
    inForce: usage?.caps ?? { hourly: settings.jobHourlyCapDefault, daily: settings.jobDailyCapDefault },
    sentThisHour: usage?.sentThisHour ?? 0,
    sentToday: usage?.sentToday ?? 0,
  };
}

/**
 * The owner (or an admin) sets the device's own caps, at most the admin's maxima (null: back to the default). Jobs
 * waiting on a cap are let go at once: they wait again if the new cap is still reached.
 */
export async function setDeviceSendCaps(
  input: ServiceCall & { device: DeviceRow; hourlyCap: number | null; dailyCap: number | null },
): Promise<DeviceSendCapsView> {
  const settings = await getSettings();
  if (input.hourlyCap !== null && input.hourlyCap > settings.jobHourlyCapMax) {
    throw new AppError("INVALID_INPUT", `The hourly cap can be at most ${settings.jobHourlyCapMax} messages (the administrator's maximum)`);
  }
  if (input.dailyCap !== null && input.dailyCap > settings.jobDailyCapMax) {
    throw new AppError("INVALID_INPUT", `The daily cap can be at most ${settings.jobDailyCapMax} messages (the administrator's maximum)`);
  }
  await db().device.update({ where: { id: input.device.id }, data: { hourlyCap: input.hourlyCap, dailyCap: input.dailyCap } });
  await recordDeviceAction(input, "device.setSendCaps");
  await releaseCapHolds({ deviceId: input.device.id });
  return getDeviceSendCaps(input.device);
}
