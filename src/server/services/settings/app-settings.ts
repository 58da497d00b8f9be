import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";

/** Run-time settings and their value when no admin has set them (a new install). */
export interface AppSettings {
  signupOpen: boolean;
  /** Bulk job sends per device per clock hour / per day: what a device gets unless its owner lowers it… */
  jobHourlyCapDefault: number;
  jobDailyCapDefault: number;
  /** …and the most an owner may set (a default above it is refused). */
  jobHourlyCapMax: number;
  jobDailyCapMax: number;
}

const DEFAULTS: AppSettings = {
  // A fresh install accepts no strangers until an admin opens sign-up.
  signupOpen: false,
  jobHourlyCapDefault: 500,
  jobDailyCapDefault: 5000,
  jobHourlyCapMax: 1000,
  jobDailyCapMax: 10_000,
};
export type AppSettingKey = keyof AppSettings;

const KEYS = Object.keys(DEFAULTS) as AppSettingKey[];

export async function getSetting<K extends AppSettingKey>(key: K): Promise<AppSettings[K]> {
  const row = await db().appSetting.findUnique({ where: { key }, select: { value: true } });
  return row ? (row.value as AppSettings[K]) : DEFAULTS[key];
}

/** Every setting in one read. */
export async function getSettings(): Promise<AppSettings> {
  const rows = await db().appSetting.findMany({ where: { key: { in: KEYS } }, select: { key: true, value: true } });
  const settings: AppSettings = { ...DEFAULTS };
  for (const row of rows) Object.assign(settings, { [row.key]: row.value });
  return settings;
}

export async function putSetting<K extends AppSettingKey>(key: K, value: AppSettings[K], client: Prisma.TransactionClient = db()): Promise<void> {
  await client.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
