import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

let owner: TestUser;
let me: Caller;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  me = await callerFor(owner);
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[CONTACT] saved contacts", () => {
  it("creates with E.164 phone and computed jid, updates, and deletes, recording each change", async () => {
    const vip = await me.contact.tags.create({ name: "VIP" });
    const created = await me.contact.create({ name: " Budi ", phone: "0812-3456-7890", notes: "  ", tagIds: [vip.id] });
    expect(created).toMatchObject({
      name: "Budi",
      phone: "+6281234567890",
      jid: "6281234567890@s.whatsapp.net",
      notes: null,
      ownerId: owner.id,
      tags: [{ id: vip.id, name: "VIP", color: null }],
    });
    const updated = await me.contact.update({ contactId: created.id, phone: "+1 555 123 4567", notes: "Pelanggan lama" });
    expect(updated).toMatchObject({ name: "Budi", phone: "+15551234567", jid: "15551234567@s.whatsapp.net", notes: "Pelanggan lama", tags: [{ id: vip.id }] });
    await expect(me.contact.update({ contactId: created.id, notes: null, tagIds: [] })).resolves.toMatchObject({ notes: null, tags: [] });
    await expect(me.contact.get({ contactId: created.id })).resolves.toMatchObject({ phone: "+15551234567" });
    await expect(me.contact.delete({ contactId: created.id })).resolves.toEqual({ id: created.id });
    await expect(me.contact.get({ contactId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const activity = await db().activityLog.findMany({ where: { userId: owner.id }, orderBy: { id: "asc" } });
    expect(activity.map((a) => a.action)).toEqual(["tag.create", "contact.create", "contact.update", "contact.update", "contact.delete"]);
  });

  it("one contact per number: creating or moving onto a saved number is a CONFLICT naming it, and writes nothing", async () => {
    await me.contact.create({ name: "Budi", phone: "081234567890" });
    const siti = await me.contact.create({ name: "Siti", phone: "081299998888" });
    const before = await rowCounts();
    const dup = await refusal(me.contact.create({ name: "Budi lagi", phone: "+62 812 3456 7890" }));
    expect(dup).toMatchObject({ code: "CONFLICT", message: "You already have a contact with the number +6281234567890 (Budi)" });
    expect(await refusal(me.contact.update({ contactId: siti.id, phone: "081234567890" }))).toMatchObject({ code: "CONFLICT" });
    expect(await rowCounts()).toEqual(before);
    // Another user may save the same number.
    await expect((await callerFor(await createUser())).contact.create({ name: "Budi", phone: "081234567890" })).resolves.toBeDefined();
  });

  it("setTags replaces the tags; tag names are unique per owner ignoring case; rename and delete keep contacts", async () => {
    const vip = await me.contact.tags.create({ name: "VIP", color: "#ff0000" });
    const jkt = await me.contact.tags.create({ name: "Jakarta" });
    const before = await rowCounts();
    expect(await refusal(me.contact.tags.create({ name: "vip" }))).toMatchObject({ code: "CONFLICT", message: 'You already have a tag named "vip"' });
    expect(await refusal(me.contact.tags.rename({ tagId: jkt.id, name: "VIP" }))).toMatchObject({ code: "CONFLICT" });
    expect(await rowCounts()).toEqual(before);
    const budi = await me.contact.create({ name: "Budi", phone: "081234567890", tagIds: [vip.id] });
    const tagged = await me.contact.setTags({ contactId: budi.id, tagIds: [jkt.id, vip.id, jkt.id] });
    expect(tagged.tags.map((t) => t.name)).toEqual(["Jakarta", "VIP"]);
    await expect(me.contact.tags.rename({ tagId: vip.id, name: "Gold", color: null })).resolves.toMatchObject({ name: "Gold", color: null, contactCount: 1 });
    await me.contact.tags.delete({ tagId: jkt.id });
    await expect(me.contact.get({ contactId: budi.id })).resolves.toMatchObject({ tags: [{ name: "Gold" }] });
    await expect(me.contact.setTags({ contactId: budi.id, tagIds: [] })).resolves.toMatchObject({ tags: [] });
    expect((await me.contact.tags.list()).items).toMatchObject([{ name: "Gold", contactCount: 0 }]);
  });

  it("filters by tags (any or all), searches name and number as typed, and pages A→Z with a total", async () => {
    const vip = await me.contact.tags.create({ name: "VIP" });
    const jkt = await me.contact.tags.create({ name: "Jakarta" });
    await me.contact.create({ name: "Citra", phone: "081200000003", tagIds: [vip.id, jkt.id] });
    await me.contact.create({ name: "Adi", phone: "081200000001", tagIds: [vip.id] });
    await me.contact.create({ name: "Bima", phone: "081200000002", tagIds: [jkt.id] });
    await me.contact.create({ name: "Dewi", phone: "+15551234567" });

    const names = async (input: Parameters<Caller["contact"]["list"]>[0]) => (await me.contact.list(input)).items.map((c) => c.name);
    expect(await names({ tagIds: [vip.id], tagMatch: "any", limit: 50 })).toEqual(["Adi", "Citra"]);
    expect(await names({ tagIds: [vip.id, jkt.id], tagMatch: "any", limit: 50 })).toEqual(["Adi", "Bima", "Citra"]);
    expect(await names({ tagIds: [vip.id, jkt.id], tagMatch: "all", limit: 50 })).toEqual(["Citra"]);
    expect(await names({ search: "bim", tagMatch: "any", limit: 50 })).toEqual(["Bima"]);
    expect(await names({ search: "0812-0000-0003", tagMatch: "any", limit: 50 })).toEqual(["Citra"]);
    expect(await names({ search: "+1 555", tagMatch: "any", limit: 50 })).toEqual(["Dewi"]);
    expect(await names({ search: "ci", tagIds: [jkt.id], tagMatch: "any", limit: 50 })).toEqual(["Citra"]);

    const page1 = await me.contact.list({ limit: 3, tagMatch: "any" });
    expect(page1.items.map((c) => c.name)).toEqual(["Adi", "Bima", "Citra"]);
    expect(page1.total).toBe(4);
    const page2 = await me.contact.list({ limit: 3, tagMatch: "any", cursor: page1.nextCursor ?? undefined });
    expect(page2).toMatchObject({ nextCursor: null, total: 4, items: [{ name: "Dewi", tags: [] }] });
    expect((await me.contact.tags.list()).items.map((t) => [t.name, t.contactCount])).toEqual([
      ["Jakarta", 2],
      ["VIP", 2],
    ]);
  });
});

describe("[CONTACT][TRPC][INPUT] invalid input is BAD_REQUEST with a clear message and writes nothing", () => {
  const invalid: Array<[string, (c: Caller, ids: { contactId: number; tagId: number }) => Promise<unknown>, string]> = [
    ["create without a name", (c) => c.contact.create({ name: " ", phone: "081234567891" }), "Enter a name"],
    ["create with a long name", (c) => c.contact.create({ name: "x".repeat(101), phone: "081234567891" }), "at most 100 characters"],
    ["create with a bad phone", (c) => c.contact.create({ name: "A", phone: "+999 1234" }), "unknown country code"],
    ["create with letters as phone", (c) => c.contact.create({ name: "A", phone: "call me" }), "may only contain digits"],
    ["create with long notes", (c) => c.contact.create({ name: "A", phone: "081234567891", notes: "x".repeat(2001) }), "at most 2000"],
    ["update with a short phone", (c, ids) => c.contact.update({ contactId: ids.contactId, phone: "0812" }), "too short"],
    ["get with a zero id", (c) => c.contact.get({ contactId: 0 }), "positive"],
    ["setTags with too many tags", (c, ids) => c.contact.setTags({ contactId: ids.contactId, tagIds: Array.from({ length: 21 }, (_, i) => i + 1) }), "at most 20 tags"],
    ["list with limit 500", (c) => c.contact.list({ limit: 500, tagMatch: "any" }), "at most 200"],
    ["list with a bad tagMatch", (c) => c.contact.list({ limit: 5, tagMatch: "some" as never }), "tagMatch"],
    ["tags.create with a blank name", (c) => c.contact.tags.create({ name: "  " }), "Enter a tag name"],
    ["tags.create with a semicolon", (c) => c.contact.tags.create({ name: "a;b" }), "cannot contain ';'"],
    ["tags.create with a long name", (c) => c.contact.tags.create({ name: "x".repeat(65) }), "at most 64"],
    ["tags.create with a bad colour", (c) => c.contact.tags.create({ name: "A", color: "red" }), "#22c55e"],
    ["tags.rename with a blank name", (c, ids) => c.contact.tags.rename({ tagId: ids.tagId, name: "" }), "Enter a tag name"],
    ["fromWhatsApp with a malformed device id", (c) => c.contact.fromWhatsApp({ deviceId: "bad id!" }), "may only contain"],
    ["importCsv with neither csv nor base64", (c) => c.contact.importCsv({} as never), "csv (text) or base64"],
    ["importCsv with invalid base64", (c) => c.contact.importCsv({ base64: "not base64!!" }), "not valid base64"],
    ["importCsv with non-UTF-8 bytes", (c) => c.contact.importCsv({ base64: Buffer.from([0x6e, 0x61, 0xff, 0xfe]).toString("base64") }), "UTF-8"],
    ["importCsv over 2 MB", (c) => c.contact.importCsv({ csv: "x".repeat(2 * 1024 * 1024 + 1) }), "larger than 2 MB"],
    ["importCsv without a phone column", (c) => c.contact.importCsv({ csv: "name,number\nBudi,0812\n" }), '"phone"'],
    ["importCsv with only a header", (c) => c.contact.importCsv({ csv: "name,phone\n" }), "no contacts"],
  ];

  it.each(invalid)("%s", async (_name, call, text) => {
    const tag = await me.contact.tags.create({ name: "Base" });
    const contact = await me.contact.create({ name: "Base", phone: "081200001111" });
    const before = await rowCounts();
    const error = await refusal(call(me, { contactId: contact.id, tagId: tag.id }));
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.message).toContain(text);
    expect(await rowCounts()).toEqual(before);
  });
});
