import { db } from "../../db";

/** Ids in recorded details that the activity page shows as names instead ("baseId 9d0b…" means nothing to a reader). */
export interface ActivityNames {
  devices: Map<string, string>;
  templates: Map<string, string>;
  users: Map<number, string>;
}

const USER_ID_KEYS = ["ownerId", "fromOwnerId", "toOwnerId"] as const;

/**
 * The current names of the devices, templates and users that a page of activity details refers to, in three
 * queries. Details are the actor's own records, so naming what they refer to reveals nothing new; a deleted
 * thing simply has no name (and the entry then falls back to the name recorded at the time, if any).
 */
export async function loadActivityNames(details: ReadonlyArray<Record<string, unknown>>): Promise<ActivityNames> {
  const deviceIds = new Set<string>();
  const baseIds = new Set<string>();
  const userIds = new Set<number>();
  for (const entry of details) {
    if (typeof entry.deviceId === "string") deviceIds.add(entry.deviceId);
    if (typeof entry.baseId === "string") baseIds.add(entry.baseId);
    for (const key of USER_ID_KEYS) if (typeof entry[key] === "number") userIds.add(entry[key]);
  }
  const [devices, templates, users] = await Promise.all([
    deviceIds.size === 0 ? [] : db().device.findMany({ where: { deviceId: { in: [...deviceIds] } }, select: { deviceId: true, deviceName: true } }),
    baseIds.size === 0 ? [] : db().template.findMany({ where: { baseId: { in: [...baseIds] }, isLatest: true }, select: { baseId: true, name: true } }),
    userIds.size === 0 ? [] : db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, username: true, fullName: true } }),
  ]);
  return {
    devices: new Map(devices.map((d) => [d.deviceId, d.deviceName])),
    templates: new Map(templates.map((t) => [t.baseId, t.name])),
    users: new Map(users.map((u) => [u.id, u.fullName || u.username])),
  };
}
