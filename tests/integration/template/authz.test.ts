import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";

interface Fixture {
  templateId: number;
  deviceId: string;
}
interface Case {
  name: string;
  call: (caller: Caller, f: Fixture) => Promise<unknown>;
  /** The owner's successful call is a send, which needs a connected device (covered in use.test.ts). */
  sends?: boolean;
}

const CASES: Case[] = [
  { name: "template.get", call: (c, f) => c.template.get({ templateId: f.templateId }) },
  { name: "template.versions", call: (c, f) => c.template.versions({ templateId: f.templateId }) },
  { name: "template.preview", call: (c, f) => c.template.preview({ templateId: f.templateId, variables: { name: "Budi" } }) },
  { name: "template.update", call: (c, f) => c.template.update({ templateId: f.templateId, body: "Hai {{name}}!" }) },
  {
    name: "template.use",
    sends: true,
    call: (c, f) => c.template.use({ deviceId: f.deviceId, templateId: f.templateId, to: "0812-3456-7890", variables: { name: "Budi" } }),
  },
  { name: "template.delete", call: (c, f) => c.template.delete({ templateId: f.templateId }) },
];

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
let fixture: Fixture;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  const device = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  const template = await (await callerFor(owner)).template.create({ name: "Greeting", body: "Halo {{name}}" });
  fixture = { templateId: template.id, deviceId: device.deviceId };
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string; cause?: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[TEMPLATE][TRPC][AUTHZ] every procedure × anonymous / another user / owner / admin", () => {
  it.each(CASES)("$name: anonymous gets UNAUTHORIZED and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(null), fixture))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: another user gets NOT_FOUND and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(stranger), fixture))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });

  it("another user cannot use someone's template even on their own device", async () => {
    const theirDevice = await (await callerFor(admin)).device.create({ ownerId: stranger.id, deviceName: "Warung Siti" });
    const before = await rowCounts();
    const error = await refusal(
      (await callerFor(stranger)).template.use({ deviceId: theirDevice.deviceId, templateId: fixture.templateId, to: "081234567890", variables: {} }),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Template not found" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: the owner succeeds (a send needs the device online: DEVICE_NOT_CONNECTED, nothing written)", async ({ call, sends }) => {
    const me = await callerFor(owner);
    if (!sends) {
      await expect(call(me, fixture)).resolves.toBeDefined();
      return;
    }
    const before = await rowCounts();
    expect(await refusal(call(me, fixture))).toMatchObject({ code: "PRECONDITION_FAILED", cause: { code: "DEVICE_NOT_CONNECTED" } });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: an admin reaches another user's template", async ({ call, sends }) => {
    const boss = await callerFor(admin);
    if (sends) {
      expect(await refusal(call(boss, fixture))).toMatchObject({ cause: { code: "DEVICE_NOT_CONNECTED" } });
      return;
    }
    await expect(call(boss, fixture)).resolves.toBeDefined();
  });

  it("admin changes to a user's template are audited and land in the admin's activity", async () => {
    const boss = await callerFor(admin);
    const v2 = await boss.template.update({ templateId: fixture.templateId, name: "Greeting (admin)" });
    expect(v2).toMatchObject({ ownerId: owner.id, version: 2 });
    await boss.template.delete({ templateId: v2.id });
    const audit = await db().auditLog.findMany({ where: { actorId: admin.id, targetType: "template" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([
      ["template.update", String(v2.id)],
      ["template.delete", String(v2.id)],
    ]);
    const activity = await db().activityLog.findMany({ where: { userId: admin.id }, orderBy: { id: "asc" } });
    expect(activity.map((a) => a.action)).toEqual(["template.update", "template.delete"]);
  });

  it("template.list shows each user their own; only admins may name another owner", async () => {
    await (await callerFor(stranger)).template.create({ name: "Promo", body: "Diskon {{pct}}%" });
    expect((await (await callerFor(owner)).template.list()).items.map((t) => t.name)).toEqual(["Greeting"]);
    const sneaky = await (await callerFor(stranger)).template.list({ ownerId: owner.id, limit: 50 });
    expect(sneaky.items.map((t) => t.name)).toEqual(["Promo"]);
    expect((await (await callerFor(admin)).template.list()).items).toEqual([]);
    const asAdmin = await (await callerFor(admin)).template.list({ ownerId: owner.id, limit: 50 });
    expect(asAdmin).toMatchObject({ total: 1, items: [{ name: "Greeting", ownerId: owner.id, placeholders: ["name"] }] });
    await expect((await callerFor(null)).template.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerFor(null)).template.create({ name: "x", body: "y" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("an unknown template is NOT_FOUND for everyone, admins included", async () => {
    for (const user of [owner, admin]) {
      const caller = await callerFor(user);
      for (const { call } of CASES) {
        expect(await refusal(call(caller, { ...fixture, templateId: 999_999 }))).toMatchObject({ code: "NOT_FOUND" });
      }
    }
  });
});
