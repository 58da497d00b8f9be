import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

let owner: TestUser;
let me: Caller;
let deviceId: string;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  me = await callerFor(owner);
  deviceId = (await db().device.create({ data: { deviceId: `device-${owner.id}-tpl`, deviceName: "Toko", ownerId: owner.id } })).deviceId;
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[TEMPLATE] versions", () => {
  it("an update saves a new version under the same baseId; old versions stay readable; list shows the latest", async () => {
    const v1 = await me.template.create({ name: "Order ready", body: "Halo {{name}}, pesanan {{order}} siap." });
    expect(v1).toMatchObject({ version: 1, isLatest: true, ownerId: owner.id, placeholders: ["name", "order"] });
    const v2 = await me.template.update({ templateId: v1.id, body: "Hai {{ name }}! Pesanan {{order}} siap diambil." });
    expect(v2).toMatchObject({ baseId: v1.baseId, version: 2, isLatest: true, name: "Order ready" });
    const v3 = await me.template.update({ templateId: v2.id, name: "Order ready (v3)" });
    expect(v3).toMatchObject({ version: 3, body: v2.body });

    await expect(me.template.get({ templateId: v1.id })).resolves.toMatchObject({ version: 1, isLatest: false, body: v1.body });
    const versions = await me.template.versions({ templateId: v1.id });
    expect(versions.items.map((v) => [v.version, v.isLatest])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    const list = await me.template.list();
    expect(list).toMatchObject({ total: 1, nextCursor: null, items: [{ id: v3.id, version: 3 }] });
    const activity = await db().activityLog.findMany({ where: { userId: owner.id }, orderBy: { id: "asc" } });
    expect(activity.map((a) => a.action)).toEqual(["template.create", "template.update", "template.update"]);
  });

  it("editing a version that is no longer the latest is a CONFLICT and writes nothing", async () => {
    const v1 = await me.template.create({ name: "A", body: "one" });
    await me.template.update({ templateId: v1.id, body: "two" });
    const before = await rowCounts();
    const error = await refusal(me.template.update({ templateId: v1.id, body: "three" }));
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toContain("changed since you opened it");
    expect(await rowCounts()).toEqual(before);
  });

  it("two concurrent edits of the same version: one wins, the other is a CONFLICT", async () => {
    const v1 = await me.template.create({ name: "A", body: "one" });
    const results = await Promise.allSettled([me.template.update({ templateId: v1.id, body: "x" }), me.template.update({ templateId: v1.id, body: "y" })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db().template.count({ where: { baseId: v1.baseId } })).toBe(2);
    expect(await db().template.count({ where: { baseId: v1.baseId, isLatest: true } })).toBe(1);
  });

  it("an edit that changes nothing creates no version", async () => {
    const v1 = await me.template.create({ name: "A", body: "one" });
    const before = await rowCounts();
    await expect(me.template.update({ templateId: v1.id, name: "A", body: "one" })).resolves.toMatchObject({ id: v1.id, version: 1 });
    expect(await rowCounts()).toEqual(before);
  });

  it("names are unique among a user's live templates (ignoring case); other users and deleted templates do not count", async () => {
    const first = await me.template.create({ name: "Promo", body: "a" });
    const before = await rowCounts();
    expect(await refusal(me.template.create({ name: "promo", body: "b" }))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining('"promo"') });
    const other = await me.template.create({ name: "Other", body: "c" });
    const afterOther = await rowCounts();
    expect(await refusal(me.template.update({ templateId: other.id, name: "PROMO" }))).toMatchObject({ code: "CONFLICT" });
    expect(await rowCounts()).toEqual(afterOther);
    expect(before.Template).toBe(1);
    await expect((await callerFor(await createUser())).template.create({ name: "Promo", body: "d" })).resolves.toBeDefined();
    await me.template.delete({ templateId: first.id });
    await expect(me.template.create({ name: "Promo", body: "e" })).resolves.toMatchObject({ version: 1 });
  });

  it("delete removes every version from get, versions, list, preview and update", async () => {
    const v1 = await me.template.create({ name: "Bye", body: "Sampai jumpa {{name}}" });
    const v2 = await me.template.update({ templateId: v1.id, body: "Dadah {{name}}" });
    await expect(me.template.delete({ templateId: v1.id })).resolves.toEqual({ id: v1.id, baseId: v1.baseId });
    expect(await db().template.count({ where: { baseId: v1.baseId, deletedAt: { not: null } } })).toBe(2);
    for (const templateId of [v1.id, v2.id]) {
      await expect(me.template.get({ templateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(me.template.versions({ templateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(me.template.preview({ templateId, variables: { name: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(me.template.update({ templateId, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(me.template.delete({ templateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await me.template.list()).toMatchObject({ total: 0, items: [] });
  });

  it("list pages newest-saved first, searches name and text, and reports the total", async () => {
    for (const name of ["Alpha", "Beta", "Gamma"]) await me.template.create({ name, body: `Body of ${name}` });
    const first = await me.template.list({ limit: 2 });
    expect(first.items.map((t) => t.name)).toEqual(["Gamma", "Beta"]);
    expect(first.total).toBe(3);
    const second = await me.template.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ nextCursor: null, items: [{ name: "Alpha" }] });
    expect((await me.template.list({ search: "of beta", limit: 10 })).items.map((t) => t.name)).toEqual(["Beta"]);
  });
});

describe("[TEMPLATE] preview", () => {
  it("renders a saved template or an unsaved body, ignoring extra variables", async () => {
    const t = await me.template.create({ name: "Greeting", body: "Halo {{name}}, total {{ total }}" });
    await expect(me.template.preview({ templateId: t.id, variables: { name: "Budi", total: 15000, unused: "x" } })).resolves.toEqual({
      text: "Halo Budi, total 15000",
      placeholders: ["name", "total"],
    });
    await expect(me.template.preview({ body: "Tes {{a.b}}", variables: { "a.b": "ok" } })).resolves.toEqual({ text: "Tes ok", placeholders: ["a.b"] });
  });

  it("a missing variable is BAD_REQUEST naming every missing placeholder, and writes nothing", async () => {
    const t = await me.template.create({ name: "Greeting", body: "Halo {{name}}, pesanan {{order.id}} ({{total}})" });
    const before = await rowCounts();
    const error = await refusal(me.template.preview({ templateId: t.id, variables: { total: 1 } }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { code: "INVALID_INPUT" } });
    expect(error.message).toBe("Fill in values for {{name}}, {{order.id}}");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("[TEMPLATE][TRPC][INPUT] invalid input is BAD_REQUEST with a clear message and writes nothing", () => {
  const invalid: Array<[string, (c: Caller, templateId: number) => Promise<unknown>, string]> = [
    ["create without a name", (c) => c.template.create({ name: "  ", body: "x" }), "Enter a template name"],
    ["create with a long name", (c) => c.template.create({ name: "x".repeat(101), body: "x" }), "at most 100 characters"],
    ["create with a blank body", (c) => c.template.create({ name: "A", body: "   " }), "Enter the template text"],
    ["create with a huge body", (c) => c.template.create({ name: "A", body: "x".repeat(16_001) }), "at most 16000 characters"],
    ["update with a blank body", (c, id) => c.template.update({ templateId: id, body: "" }), "Enter the template text"],
    ["get with a negative id", (c) => c.template.get({ templateId: -1 }), "positive"],
    ["get with a fractional id", (c) => c.template.get({ templateId: 1.5 }), "whole number"],
    ["list with limit 0", (c) => c.template.list({ limit: 0 }), "at least 1"],
    ["preview with neither id nor body", (c) => c.template.preview({ variables: {} } as never), "templateId or a body"],
    ["preview with both id and body", (c, id) => c.template.preview({ templateId: id, body: "x", variables: {} } as never), "templateId or a body"],
    ["preview with a bad variable name", (c, id) => c.template.preview({ templateId: id, variables: { "bad name": "x" } }), "Variable names"],
    ["preview with an object value", (c, id) => c.template.preview({ templateId: id, variables: { a: { b: 1 } } as never }), "text or a number"],
    ["use with a bad phone", (c, id) => c.template.use({ deviceId, templateId: id, to: "12", variables: {} }), "too short"],
  ];

  it.each(invalid)("%s", async (_name, call, text) => {
    const t = await me.template.create({ name: "Base", body: "Halo {{name}}" });
    const before = await rowCounts();
    const error = await refusal(call(me, t.id));
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.message).toContain(text);
    expect(await rowCounts()).toEqual(before);
  });
});
