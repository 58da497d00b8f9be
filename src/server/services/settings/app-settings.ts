import { db } from "../../db";

/** Run-time settings and their value when no admin has set them (a new install). */
export interface AppSettings {
  signupOpen: boolean;
}

const DEFAULTS: AppSettings = {
  // A fresh install accepts no strangers until an admin opens sign-up.
  signupOpen: false,
};
export type AppSettingKey = keyof AppSettings;

export async function getSetting<K extends AppSettingKey>(key: K): Promise<AppSettings[K]> {
  const row = await db().appSetting.findUnique({ where: { key }, select: { value: true } });
  return row ? (row.value as AppSettings[K]) : DEFAULTS[key];
}

export async function getSettings(): Promise<AppSettings> {
  return { signupOpen: await getSetting("signupOpen") };
}

export async function putSetting<K extends AppSettingKey>(key: K, value: AppSettings[K]): Promise<void> {
  await db().appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
