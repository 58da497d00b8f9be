import type { ServiceCall } from "../devices/types";
import { recordAudit } from "../audit/record-audit";
import { getSettings, putSetting, type AppSettings } from "./app-settings";

/** Admin: changes run-time settings; each changed setting is one audit row with its old and new value. */
export async function updateSettings(input: ServiceCall & { changes: Partial<AppSettings> }): Promise<AppSettings> {
  const before = await getSettings();
  for (const [key, value] of Object.entries(input.changes) as Array<[keyof AppSettings, AppSettings[keyof AppSettings]]>) {
    if (value === undefined || before[key] === value) continue;
    await putSetting(key, value);
    await recordAudit({ actorId: input.actor.id, action: "settings.update", targetType: "setting", targetId: key, details: { from: before[key], to: value }, ip: input.meta.ip });
  }
  return getSettings();
}
