import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

interface Fixture {
  contactId: number;
  tagId: number;
  deviceId: string;
}
interface Case {
  name: string;
  call: (caller: Caller, f: Fixture) => Promise<unknown>;
}

const CASES: Case[] = [
  { name: "contact.get", call: (c, f) => c.contact.get({ contactId: f.contactId }) },
  { name: "contact.update", call: (c, f) => c.contact.update({ contactId: f.contactId, name: "Budi Santoso" }) },
  { name: "contact.setTags", call: (c, f) => c.contact.setTags({ contactId: f.contactId, tagIds: [f.tagId] }) },
  { name: "contact.tags.rename", call: (c, f) => c.contact.tags.rename({ tagId: f.tagId, name: "Pelanggan" }) },
  { name: "contact.fromWhatsApp", call: (c, f) => c.contact.fromWhatsApp({ deviceId: f.deviceId }) },
  { name: "contact.syncFromDevice", call: (c, f) => c.contact.syncFromDevice({ deviceId: f.deviceId }) },
  { name: "contact.delete", call: (c, f) => c.contact.delete({ contactId: f.contactId }) },
  { name: "contact.tags.delete", call: (c, f) => c.contact.tags.delete({ tagId: f.tagId }) },
];

/** Procedures that act on the caller's own data only (nothing to find): anonymous is the only refusal. */
const OWN_ONLY: Case[] = [
  { name: "contact.list", call: (c) => c.contact.list() },
  { name: "contact.create", call: (c) => c.contact.create({ name: "Siti", phone: "081298765432" }) },
  { name: "contact.importCsv", call: (c) => c.contact.importCsv({ csv: "name,phone\nSiti,081298765432\n" }) },
  { name: "contact.tags.list", call: (c) => c.contact.tags.list() },
  { name: "contact.tags.create", call: (c) => c.contact.tags.create({ name: "Reseller" }) },
];

let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
let fixture: Fixture;

beforeEach(async () => {
  await resetDb();
  admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  const me = await callerFor(owner);
  const tag = await me.contact.tags.create({ name: "VIP", color: "#22c55e" });
  const contact = await me.contact.create({ name: "Budi", phone: "0812-3456-7890", tagIds: [tag.id] });
  const device = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  fixture = { contactId: contact.id, tagId: tag.id, deviceId: device.deviceId };
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[CONTACT][TRPC][AUTHZ] every procedure × anonymous / another user / owner / admin", () => {
  it.each([...CASES, ...OWN_ONLY])("$name: anonymous gets UNAUTHORIZED and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(null), fixture))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: another user gets NOT_FOUND and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(stranger), fixture))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: the owner succeeds", async ({ call }) => {
    await expect(call(await callerFor(owner), fixture)).resolves.toBeDefined();
  });

  it.each(CASES)("$name: an admin reaches another user's data", async ({ call }) => {
    await expect(call(await callerFor(admin), fixture)).resolves.toBeDefined();
  });

  it("another user's tags cannot be put on one's own contacts or used as a filter, and nothing is written", async () => {
    const them = await callerFor(stranger);
    const theirs = await them.contact.create({ name: "Ani", phone: "081211112222" });
    const before = await rowCounts();
    for (const call of [
      () => them.contact.setTags({ contactId: theirs.id, tagIds: [fixture.tagId] }),
      () => them.contact.update({ contactId: theirs.id, tagIds: [fixture.tagId] }),
      () => them.contact.create({ name: "Dedi", phone: "081233334444", tagIds: [fixture.tagId] }),
    ]) {
      expect(await refusal(call())).toMatchObject({ code: "NOT_FOUND", message: `Tag ${fixture.tagId} not found` });
    }
    expect(await rowCounts()).toEqual(before);
    expect((await them.contact.list({ tagIds: [fixture.tagId], limit: 50, tagMatch: "any" })).items).toEqual([]);
  });

  it("an admin tagging a user's contact must use that user's tags", async () => {
    const boss = await callerFor(admin);
    const adminTag = await boss.contact.tags.create({ name: "Mine" });
    const before = await rowCounts();
    expect(await refusal(boss.contact.setTags({ contactId: fixture.contactId, tagIds: [adminTag.id] }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });

  it("admin changes to a user's contacts and tags are audited and land in the admin's activity", async () => {
    const boss = await callerFor(admin);
    await boss.contact.update({ contactId: fixture.contactId, notes: "Langganan sejak 2020" });
    await boss.contact.tags.rename({ tagId: fixture.tagId, name: "Gold" });
    await boss.contact.delete({ contactId: fixture.contactId });
    const audit = await db().auditLog.findMany({ where: { actorId: admin.id, targetType: { in: ["contact", "tag"] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([
      ["contact.update", String(fixture.contactId)],
      ["tag.rename", String(fixture.tagId)],
      ["contact.delete", String(fixture.contactId)],
    ]);
    expect(audit.every((a) => (a.details as { ownerId?: number }).ownerId === owner.id)).toBe(true);
    const ownerActivity = await db().activityLog.count({ where: { userId: owner.id, action: { in: ["contact.update", "contact.delete"] } } });
    expect(ownerActivity).toBe(0);
  });

  it("lists show each user their own; only admins may name another owner", async () => {
    await (await callerFor(stranger)).contact.create({ name: "Ani", phone: "081211112222" });
    const own = await (await callerFor(owner)).contact.list();
    expect(own).toMatchObject({ total: 1, items: [{ name: "Budi", tags: [{ name: "VIP", color: "#22c55e" }] }] });
    const sneaky = await (await callerFor(stranger)).contact.list({ ownerId: owner.id, limit: 50, tagMatch: "any" });
    expect(sneaky.items.map((c) => c.name)).toEqual(["Ani"]);
    expect((await (await callerFor(stranger)).contact.tags.list({ ownerId: owner.id })).items).toEqual([]);
    const boss = await callerFor(admin);
    expect((await boss.contact.list()).items).toEqual([]);
    expect((await boss.contact.list({ ownerId: owner.id, limit: 50, tagMatch: "any" })).items.map((c) => c.name)).toEqual(["Budi"]);
    expect((await boss.contact.tags.list({ ownerId: owner.id })).items).toMatchObject([{ name: "VIP", contactCount: 1 }]);
  });

  it("unknown ids are NOT_FOUND for everyone, admins included", async () => {
    for (const user of [owner, admin]) {
      const caller = await callerFor(user);
      for (const { call } of CASES) {
        const missing = { contactId: 999_999, tagId: 999_999, deviceId: "device-does-not-exist" };
        expect(await refusal(call(caller, missing))).toMatchObject({ code: "NOT_FOUND" });
      }
    }
  });
});
