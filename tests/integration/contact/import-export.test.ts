import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { exportContactsResponse } from "../../../src/server/services/contacts/export-contacts-response";
import { contactsCsvStream } from "../../../src/server/services/contacts/export-contacts";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

let owner: TestUser;
let me: Caller;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  me = await callerFor(owner);
});

const MIXED = [
  "name,phone,tags",
  "Budi,0812-3456-7890,VIP;Jakarta",
  "Nobody,12345,",
  "Siti,+62 812 9999 8888,vip",
  ",081277776666,",
  "Dup,081234567890,",
  "Bad,not a number,",
].join("\n");

async function contactsOf(userId: number) {
  const rows = await db().contact.findMany({
    where: { ownerId: userId },
    select: { name: true, phone: true, tags: { select: { tag: { select: { name: true } } } } },
    orderBy: { phone: "asc" },
  });
  return rows.map((r) => ({ name: r.name, phone: r.phone, tags: r.tags.map((t) => t.tag.name).sort() }));
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  // ignoreBOM keeps the BOM in the text, so the test sees exactly the bytes a browser saves.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks += 1;
    text += decoder.decode(r.value, { stream: true });
  }
  return { text, chunks };
}

describe("[CONTACT][IMPORT] CSV import", () => {
  it("imports the good rows, reports each bad row, creates unknown tags (reusing existing ones ignoring case)", async () => {
    await me.contact.tags.create({ name: "VIP" });
    const report = await me.contact.importCsv({ csv: MIXED });
    expect(report).toEqual({
      total: 6,
      created: 3,
      updated: 0,
      failed: 3,
      errors: [
        { row: 3, error: '"12345" is too short' },
        { row: 6, error: "+6281234567890 is already on row 2" },
        { row: 7, error: "\"not a number\" may only contain digits, spaces, '+', '-', '.', '(' and ')'" },
      ],
    });
    expect(await contactsOf(owner.id)).toEqual([
      { name: "Budi", phone: "+6281234567890", tags: ["Jakarta", "VIP"] },
      { name: "+6281277776666", phone: "+6281277776666", tags: [] },
      { name: "Siti", phone: "+6281299998888", tags: ["VIP"] },
    ]);
    expect((await me.contact.tags.list()).items.map((t) => [t.name, t.contactCount])).toEqual([
      ["Jakarta", 1],
      ["VIP", 2],
    ]);
    const activity = await db().activityLog.findFirstOrThrow({ where: { userId: owner.id, action: "contact.importCsv" } });
    expect(activity.details).toMatchObject({ total: 6, created: 3, updated: 0, failed: 3 });
  });

  it("a file where every row fails writes nothing (no contacts, no tags, no activity) and reports every row", async () => {
    const before = await rowCounts();
    const report = await me.contact.importCsv({ csv: "name,phone,tags\nA,123,NewTag\nB,abc,Other\n" });
    expect(report).toMatchObject({ total: 2, created: 0, updated: 0, failed: 2, errors: [{ row: 2 }, { row: 3 }] });
    expect(await rowCounts()).toEqual(before);
  });

  it("re-importing updates the saved contacts instead of duplicating them, adding tags and keeping names when blank", async () => {
    await me.contact.importCsv({ csv: MIXED });
    const again = "phone,name,tags,notes\n+6281234567890,Budi Santoso,Reseller,Suka diskon\n081277776666,,Jakarta,\n081200000000,Baru,,\n";
    const report = await me.contact.importCsv({ base64: Buffer.from(again).toString("base64") });
    expect(report).toEqual({ total: 3, created: 1, updated: 2, failed: 0, errors: [] });
    expect(await contactsOf(owner.id)).toEqual([
      { name: "Baru", phone: "+6281200000000", tags: [] },
      { name: "Budi Santoso", phone: "+6281234567890", tags: ["Jakarta", "Reseller", "VIP"] },
      { name: "+6281277776666", phone: "+6281277776666", tags: ["Jakarta"] },
      { name: "Siti", phone: "+6281299998888", tags: ["VIP"] },
    ]);
    expect(await db().contact.findFirstOrThrow({ where: { ownerId: owner.id, phone: "+6281234567890" } })).toMatchObject({ notes: "Suka diskon" });
  });

  it("imports into the caller's own contacts only: the same numbers of another user are untouched", async () => {
    const other = await createUser();
    await (await callerFor(other)).contact.create({ name: "Budi (theirs)", phone: "081234567890" });
    await me.contact.importCsv({ csv: MIXED });
    expect(await contactsOf(other.id)).toEqual([{ name: "Budi (theirs)", phone: "+6281234567890", tags: [] }]);
  });

  it("accepts a data: URL with a BOM, in a semicolon-separated file", async () => {
    const csv = "\uFEFFname;phone;tags\nSiti;081299998888;\"a;b\"\n";
    const report = await me.contact.importCsv({ base64: `data:text/csv;base64,${Buffer.from(csv).toString("base64")}` });
    expect(report).toMatchObject({ created: 1, failed: 0 });
    expect(await contactsOf(owner.id)).toEqual([{ name: "Siti", phone: "+6281299998888", tags: ["a", "b"] }]);
  });
});

describe("[CONTACT][EXPORT] streamed CSV", () => {
  it("streams the owner's contacts page by page as CSV that imports back unchanged", async () => {
    const vip = await me.contact.tags.create({ name: "VIP" });
    await me.contact.create({ name: "=HYPERLINK(\"x\")", phone: "081234567890", notes: "baris 1\nbaris 2, dengan koma", tagIds: [vip.id] });
    await me.contact.create({ name: "Siti", phone: "081299998888" });
    await me.contact.create({ name: "Ani", phone: "+15551234567" });
    await (await callerFor(await createUser())).contact.create({ name: "Not mine", phone: "081200000000" });

    const { text, chunks } = await readAll(contactsCsvStream({ ownerId: owner.id, pageSize: 2 }));
    expect(chunks).toBe(2);
    expect(text.startsWith("\uFEFFname,phone,tags,notes,createdAt\n")).toBe(true);
    const records = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => [r.name, r.phone, r.tags, r.notes])).toEqual([
      ["'=HYPERLINK(\"x\")", "+6281234567890", "VIP", "baris 1\nbaris 2, dengan koma"],
      ["Siti", "+6281299998888", "", ""],
      ["Ani", "+15551234567", "", ""],
    ]);
    expect(records.every((r) => !Number.isNaN(Date.parse(r.createdAt ?? "")))).toBe(true);

    // Round trip: importing the export into a fresh account recreates the same contacts.
    const other = await createUser();
    await expect((await callerFor(other)).contact.importCsv({ csv: text })).resolves.toMatchObject({ created: 3, failed: 0 });
    expect((await contactsOf(other.id)).map((c) => c.name).sort()).toEqual(["=HYPERLINK(\"x\")", "Ani", "Siti"]);
  });

  it("applies the list's filters and emits just the header when nothing matches", async () => {
    const vip = await me.contact.tags.create({ name: "VIP" });
    await me.contact.create({ name: "Budi", phone: "081234567890", tagIds: [vip.id] });
    await me.contact.create({ name: "Siti", phone: "081299998888" });
    const vipOnly = await readAll(contactsCsvStream({ ownerId: owner.id, filter: { tagIds: [vip.id] } }));
    expect(vipOnly.text.split("\n").filter(Boolean)).toHaveLength(2);
    expect(vipOnly.text).toContain("Budi");
    const none = await readAll(contactsCsvStream({ ownerId: owner.id, filter: { search: "zzz" } }));
    expect(none.text).toBe("\uFEFFname,phone,tags,notes,createdAt\n");
  });

  it("the route answers 401 without a session or for a locked account, and nothing is written", async () => {
    const url = new URL("http://localhost/api/export/contacts");
    const before = await rowCounts();
    expect((await exportContactsResponse(null, url, "127.0.0.1")).status).toBe(401);
    await db().user.update({ where: { id: owner.id }, data: { isActive: false } });
    expect((await exportContactsResponse({ id: owner.id, role: "user", sessionVersion: 0 }, url, "127.0.0.1")).status).toBe(401);
    await db().user.update({ where: { id: owner.id }, data: { isActive: true, sessionVersion: 1 } });
    expect((await exportContactsResponse({ id: owner.id, role: "user", sessionVersion: 0 }, url, "127.0.0.1")).status).toBe(401);
    const counts = await rowCounts();
    expect(counts.ActivityLog).toBe(before.ActivityLog);
    const bad = await exportContactsResponse({ id: owner.id, role: "user", sessionVersion: 1 }, new URL(`${url}?tagId=abc`), "127.0.0.1");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringContaining("number") });
  });

  it("the route streams the signed-in user's own contacts as an attachment and records the export", async () => {
    await me.contact.create({ name: "Budi", phone: "081234567890" });
    await (await callerFor(await createUser("admin"))).contact.create({ name: "Admin's", phone: "081200000000" });
    const res = await exportContactsResponse({ id: owner.id, role: "user", sessionVersion: 0 }, new URL("http://localhost/api/export/contacts?search=budi"), "10.0.0.1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    expect(text).toContain("Budi,+6281234567890");
    expect(text).not.toContain("Admin's");
    const activity = await db().activityLog.findFirstOrThrow({ where: { userId: owner.id, action: "contact.export" } });
    expect(activity).toMatchObject({ ip: "10.0.0.1", details: { search: "budi" } });
  });
});
