import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { loadAuthState } from "../../../src/server/whatsapp/auth-state";
import { DEVICE_LIST_CATEGORY, DeviceListCache } from "../../../src/server/whatsapp/device-list-cache";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

const HOUR = 3600_000;
const TTL = 6 * HOUR;
let deviceDbId: number;

beforeEach(async () => {
  await resetDb();
  const owner = await createUser();
  deviceDbId = (await (await callerFor(await createUser("admin"))).device.create({ ownerId: owner.id })).id;
});

function newCache(errors: unknown[] = []): DeviceListCache {
  return new DeviceListCache(TTL, 100, (error) => errors.push(error));
}

const devicesOf = (user: string) => [{ user, device: 0, server: "s.whatsapp.net" }];

describe("[WA][DEVICE-LIST-CACHE]", () => {
  it("a new process finds the lists the last one learnt, encrypted at rest, and forgets the expired and deleted ones", async () => {
    const errors: unknown[] = [];
    const before = await loadAuthState(deviceDbId);
    const learnt = newCache(errors);
    await learnt.attach(before.entries(DEVICE_LIST_CATEGORY));
    learnt.set("628111", devicesOf("628111"));
    learnt.set("628222", devicesOf("628222"));
    learnt.set("628333", devicesOf("628333"));
    learnt.del("628333");
    learnt.markClean();
    learnt.flushAll();
    await before.flush();
    expect(learnt.get("628111")).toBeUndefined();

    const rows = await db().waAuthEntry.findMany({ where: { deviceId: deviceDbId, category: DEVICE_LIST_CATEGORY }, orderBy: { keyId: "asc" } });
    expect(rows.map((r) => r.keyId).sort()).toEqual(["628111", "628222", "@clean-stop"].sort());
    for (const row of rows) expect(Buffer.from(row.data).includes("s.whatsapp.net")).toBe(false);

    // The next process starts five hours later: both lists are still trusted for the hour they have left.
    const restored = newCache(errors);
    const after = await loadAuthState(deviceDbId);
    await restored.attach(after.entries(DEVICE_LIST_CATEGORY), Date.now() + 5 * HOUR);
    expect(restored.get("628111")).toEqual(devicesOf("628111"));
    expect(restored.get("628333")).toBeUndefined();
    restored.markClean();
    await after.flush();

    // Seven hours later they have expired: not used, and deleted from the store.
    const late = newCache(errors);
    const later = await loadAuthState(deviceDbId);
    await late.attach(later.entries(DEVICE_LIST_CATEGORY), Date.now() + 7 * HOUR);
    await later.flush();
    expect(late.size).toBe(0);
    expect(await db().waAuthEntry.count({ where: { deviceId: deviceDbId, category: DEVICE_LIST_CATEGORY } })).toBe(0);
    expect(errors).toEqual([]);
  });

  it("after a process that was killed (no clean stop) nothing is trusted: the lists are forgotten, sessions get refreshed", async () => {
    const auth = await loadAuthState(deviceDbId);
    const first = newCache();
    await first.attach(auth.entries(DEVICE_LIST_CATEGORY));
    first.set("628555", devicesOf("628555"));
    first.markClean();
    await auth.flush();
    // The next process starts (taking the mark), learns a list, and is killed before any clean stop.
    const running = newCache();
    const again = await loadAuthState(deviceDbId);
    await running.attach(again.entries(DEVICE_LIST_CATEGORY));
    expect(running.get("628555")).toEqual(devicesOf("628555"));
    running.set("628666", devicesOf("628666"));
    await again.flush();

    const afterCrash = newCache();
    const crashed = await loadAuthState(deviceDbId);
    await afterCrash.attach(crashed.entries(DEVICE_LIST_CATEGORY));
    await crashed.flush();
    expect([afterCrash.get("628555"), afterCrash.get("628666")]).toEqual([undefined, undefined]);
    expect(await db().waAuthEntry.count({ where: { deviceId: deviceDbId, category: DEVICE_LIST_CATEGORY } })).toBe(0);
  });

  it("lists learnt close together are written together, in one write", async () => {
    const auth = await loadAuthState(deviceDbId);
    const cache = newCache();
    await cache.attach(auth.entries(DEVICE_LIST_CATEGORY));
    const users = ["628701", "628702", "628703"];
    for (const user of users) cache.set(user, devicesOf(user));
    cache.del("628703");
    await auth.flush();
    const stored = () => db().waAuthEntry.findMany({ where: { deviceId: deviceDbId, category: DEVICE_LIST_CATEGORY }, select: { keyId: true, updatedAt: true } });
    expect(await stored()).toEqual([]);
    cache.writeNow();
    await auth.flush();
    const rows = await stored();
    expect(rows.map((r) => r.keyId).sort()).toEqual(["628701", "628702"]);
    // One multi-row upsert: every row got the same statement timestamp.
    expect(new Set(rows.map((r) => r.updatedAt.getTime())).size).toBe(1);
  });

  it("clearing the auth state (logout) deletes the lists with the keys", async () => {
    const auth = await loadAuthState(deviceDbId);
    const cache = newCache();
    await cache.attach(auth.entries(DEVICE_LIST_CATEGORY));
    cache.set("628444", devicesOf("628444"));
    cache.writeNow();
    await auth.flush();
    expect(await db().waAuthEntry.count({ where: { deviceId: deviceDbId, category: DEVICE_LIST_CATEGORY } })).toBe(1);
    await auth.clear();
    const fresh = newCache();
    await fresh.attach((await loadAuthState(deviceDbId)).entries(DEVICE_LIST_CATEGORY));
    expect(fresh.size).toBe(0);
  });
});
