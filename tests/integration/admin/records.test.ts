import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { recordAudit } from "../../../src/server/services/audit/record-audit";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { jidOf, seedDevice, seedMessages } from "../chat/seed";

beforeEach(resetDb);

const at = (iso: string) => new Date(iso);

async function seedTraffic() {
  const admin = await createUser("admin");
  const alice = await createUser();
  const bob = await createUser();
  const a1 = await seedDevice(alice.id, "Alice 1");
  const b1 = await seedDevice(bob.id, "Bob 1");
  const [aIn, aOut] = await seedMessages(a1, [
    { chatJid: jidOf("62811"), at: at("2026-11-20T02:00:00Z"), content: "harga paket?" },
    { chatJid: jidOf("62811"), at: at("2026-11-20T03:00:00Z"), direction: "outgoing", content: "Rp 100.000" },
  ]);
  const [bIn] = await seedMessages(b1, [{ chatJid: jidOf("62822"), at: at("2026-11-22T02:00:00Z"), content: "halo" }]);
  await db().message.update({ where: { id: aOut! }, data: { status: "failed" } });
  return { admin, alice, bob, a1, b1, ids: { aIn: aIn!, aOut: aOut!, bIn: bIn! } };
}

describe("admin.messages", () => {
  it("lists every user's messages newest first and applies each filter", async () => {
    const { admin, alice, a1, ids } = await seedTraffic();
    const caller = await callerFor(admin);
    const list = async (input: Parameters<typeof caller.admin.messages>[0]) => (await caller.admin.messages(input)).items.map((m) => m.id);
    expect(await list({ limit: 50 })).toEqual([ids.bIn, ids.aOut, ids.aIn]);
    expect(await list({ deviceId: a1.deviceId, limit: 50 })).toEqual([ids.aOut, ids.aIn]);
    expect(await list({ userId: alice.id, limit: 50 })).toEqual([ids.aOut, ids.aIn]);
    expect(await list({ status: "failed", limit: 50 })).toEqual([ids.aOut]);
    expect(await list({ direction: "incoming", limit: 50 })).toEqual([ids.bIn, ids.aIn]);
    expect(await list({ from: "2026-11-21", limit: 50 })).toEqual([ids.bIn]);
    expect(await list({ to: "2026-11-20", limit: 50 })).toEqual([ids.aOut, ids.aIn]);
    expect(await list({ text: "paket", limit: 50 })).toEqual([ids.aIn]);
    expect(await list({ text: "100%", limit: 50 })).toEqual([]);
    const row = (await caller.admin.messages({ limit: 1 })).items[0];
    expect(row).toMatchObject({ deviceId: expect.any(String), deviceName: "Bob 1", owner: expect.any(String) });
    await expect(caller.admin.messages({ deviceId: "no-such-device", limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.admin.messages({ from: "2026-11-22", to: "2026-11-20", limit: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages with a keyset cursor without gaps or repeats", async () => {
    const { admin, a1 } = await seedTraffic();
    await seedMessages(a1, Array.from({ length: 7 }, (_, i) => ({ chatJid: jidOf("62833"), at: at("2026-11-21T00:00:00Z"), content: `same second ${i}` })));
    const caller = await callerFor(admin);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.admin.messages({ limit: 3, cursor });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = (await caller.admin.messages({ limit: 200 })).items.map((m) => m.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(10);
  });
});

describe("admin.contacts", () => {
  it("lists every user's contacts with the owner, filtered by owner, tag and search", async () => {
    const admin = await createUser("admin");
    const alice = await createUser();
    const bob = await createUser();
    const vipA = await db().tag.create({ data: { ownerId: alice.id, name: "vip" } });
    const vipB = await db().tag.create({ data: { ownerId: bob.id, name: "vip" } });
    const ani = await db().contact.create({ data: { ownerId: alice.id, name: "Ani", phone: "+62811000001", tags: { create: { tagId: vipA.id } } } });
    const budi = await db().contact.create({ data: { ownerId: alice.id, name: "Budi", phone: "+62811000002" } });
    const citra = await db().contact.create({ data: { ownerId: bob.id, name: "Citra", phone: "+62811000003", tags: { create: { tagId: vipB.id } } } });
    const caller = await callerFor(admin);
    const ids = async (input: Parameters<typeof caller.admin.contacts>[0]) => (await caller.admin.contacts(input)).items.map((c) => c.id);
    expect(await ids({ limit: 50 })).toEqual([ani.id, budi.id, citra.id]);
    expect((await caller.admin.contacts({ limit: 1 })).items[0]).toMatchObject({ owner: { id: alice.id, username: alice.username }, tags: [{ name: "vip" }] });
    expect(await ids({ ownerId: bob.id, limit: 50 })).toEqual([citra.id]);
    expect(await ids({ tag: "vip", limit: 50 })).toEqual([ani.id, citra.id]);
    expect(await ids({ search: "bud", limit: 50 })).toEqual([budi.id]);
    expect(await ids({ search: "0811000003", limit: 50 })).toEqual([citra.id]);
    expect(await caller.admin.contactFilters()).toEqual({
      tags: ["vip"],
      owners: expect.arrayContaining([{ id: alice.id, username: alice.username }, { id: bob.id, username: bob.username }]),
    });
    await expect((await callerFor(alice)).admin.contacts({ limit: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("admin.auditLogs", () => {
  it("filters by actor, action, target type, date and text, with choices taken from the data", async () => {
    const admin = await createUser("admin");
    const other = await createUser("admin");
    await db().auditLog.create({ data: { actorId: admin.id, action: "export.messages", targetType: "export", createdAt: at("2026-01-05T05:00:00Z") } });
    await recordAudit({ actorId: admin.id, action: "user.lock", targetType: "user", targetId: 41, ip: "10.1.1.1" });
    await recordAudit({ actorId: other.id, action: "device.wipe", targetType: "device", targetId: "device-x", details: { reason: "stolen phone" }, ip: "10.1.1.2" });
    const caller = await callerFor(admin);
    const actions = async (input: Parameters<typeof caller.admin.auditLogs>[0]) => (await caller.admin.auditLogs(input)).items.map((a) => a.action);
    expect(await actions({ limit: 50 })).toEqual(["device.wipe", "user.lock", "export.messages"]);
    expect(await actions({ actorId: other.id, limit: 50 })).toEqual(["device.wipe"]);
    expect(await actions({ action: "user.lock", limit: 50 })).toEqual(["user.lock"]);
    expect(await actions({ targetType: "export", limit: 50 })).toEqual(["export.messages"]);
    expect(await actions({ to: "2026-01-31", limit: 50 })).toEqual(["export.messages"]);
    expect(await actions({ from: "2026-02-01", limit: 50 })).toEqual(["device.wipe", "user.lock"]);
    expect(await actions({ text: "stolen", limit: 50 })).toEqual(["device.wipe"]);
    expect(await actions({ text: other.username, limit: 50 })).toEqual(["device.wipe"]);
    const first = await caller.admin.auditLogs({ limit: 2 });
    expect(first.items[0]).toMatchObject({ actor: other.username, details: { reason: "stolen phone" }, ip: "10.1.1.2" });
    expect((await caller.admin.auditLogs({ limit: 2, cursor: first.nextCursor })).items.map((a) => a.action)).toEqual(["export.messages"]);
    const filters = await caller.admin.auditFilters();
    expect(filters.actions).toEqual(["device.wipe", "export.messages", "user.lock"]);
    expect(filters.targetTypes).toEqual(["device", "export", "user"]);
    expect(filters.actors.map((a) => a.id).sort()).toEqual([admin.id, other.id].sort());
  });
});

describe("admin.overview", () => {
  it("summarises users, devices by status, failures and devices needing attention", async () => {
    const { admin, a1, b1 } = await seedTraffic();
    await db().device.update({ where: { id: a1.id }, data: { status: "logged_out" } });
    await db().device.update({ where: { id: b1.id }, data: { status: "connected" } });
    await db().message.updateMany({ where: { deviceId: a1.id, direction: "outgoing" }, data: { timestamp: new Date() } });
    const overview = await (await callerFor(admin)).admin.overview();
    expect(overview.users).toEqual({ total: 3, active: 3, locked: 0, admins: 1 });
    expect(overview.devices.byStatus).toMatchObject({ logged_out: 1, connected: 1 });
    expect(overview.failures24h.messages).toBe(1);
    expect(overview.traffic).toHaveLength(14);
    expect(overview.attention.map((d) => d.deviceId)).toEqual([a1.deviceId]);
  });
});
