import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

let admin: TestUser;
let user: TestUser;
let other: TestUser;

async function record(userId: number, action: string, at: Date, details?: Record<string, unknown>) {
  await db().activityLog.create({ data: { userId, action, createdAt: at, details: details as never, ip: "10.0.0.1" } });
}

beforeEach(async () => {
  await resetDb();
  admin = await createUser("admin");
  user = await createUser();
  other = await createUser();
  const base = Date.parse("2026-03-10T08:00:00Z");
  // Pairs share a timestamp so paging has ties to break.
  for (let i = 0; i < 25; i++) {
    await record(user.id, i % 2 === 0 ? "device.connect" : "contact.create", new Date(base + Math.floor(i / 2) * 1000), { deviceId: `d${i}`, fields: ["a", "b"] });
  }
  await record(other.id, "device.connect", new Date(base), { deviceId: "secret-device" });
});

describe("[ACTIVITY] activity.list", () => {
  it("returns the caller's own entries newest first, paged without duplicates or gaps", async () => {
    const c = await callerFor(user);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.activity.list({ cursor, limit: 7 });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = await db().activityLog.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(expected.map((e) => e.id));
  });

  it("shows details as text and never another user's entries", async () => {
    const page = await (await callerFor(user)).activity.list({ limit: 100 });
    expect(page.items[0]?.details).toEqual({ deviceId: "d24", fields: "a, b" });
    expect(JSON.stringify(page)).not.toContain("secret-device");
    // A user naming someone else still gets only their own.
    const named = await (await callerFor(user)).activity.list({ userId: other.id, limit: 100 });
    expect(JSON.stringify(named)).not.toContain("secret-device");
    expect(named.items).toHaveLength(25);
  });

  it("adds the current names of the devices, templates and users that details refer to", async () => {
    const device = await db().device.create({ data: { deviceId: "named-device", deviceName: "Toko Budi", ownerId: user.id } });
    const template = await (await callerFor(user)).template.create({ name: "Order ready", body: "Hi {{name}}" });
    const at = new Date(Date.parse("2026-03-11T08:00:00Z"));
    await record(user.id, "template.use", at, { baseId: template.baseId, version: 1, deviceId: device.deviceId });
    await record(admin.id, "device.assign", at, { deviceId: device.deviceId, fromOwnerId: other.id, toOwnerId: user.id });
    const [use] = (await (await callerFor(user)).activity.list({ action: "template.use", limit: 1 })).items;
    expect(use?.details).toEqual({ baseId: template.baseId, version: "1", deviceId: "named-device", deviceName: "Toko Budi", templateName: "Order ready" });
    const [assign] = (await (await callerFor(admin)).activity.list({ action: "device.assign", limit: 1 })).items;
    expect(assign?.details).toMatchObject({ deviceName: "Toko Budi", fromOwnerName: other.username, toOwnerName: user.username });
  });

  it("filters by exact action or category", async () => {
    const c = await callerFor(user);
    expect((await c.activity.list({ action: "device.connect", limit: 100 })).items).toHaveLength(13);
    expect((await c.activity.list({ action: "contact", limit: 100 })).items).toHaveLength(12);
    expect((await c.activity.list({ action: "template", limit: 100 })).items).toHaveLength(0);
  });

  it("lets an admin read a given user's activity", async () => {
    const page = await (await callerFor(admin)).activity.list({ userId: other.id });
    expect(page.items.map((e) => e.details)).toEqual([{ deviceId: "secret-device" }]);
    expect((await (await callerFor(admin)).activity.list({})).items).toEqual([]);
  });
});
