import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { unescapeFormula } from "../../../src/lib/csv/formula";
import { adminExportResponse } from "../../../src/server/api/export/admin-export-response";
import { db } from "../../../src/server/db";
import { messagesSource } from "../../../src/server/services/export/message-export-source";
import { exportStream, type ExportSource } from "../../../src/server/services/export/export-stream";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { jidOf, seedDevice, seedMessages } from "../chat/seed";

beforeEach(resetDb);

async function sessionOf(user: TestUser) {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  return { id: user.id, role: user.role, sessionVersion: row.sessionVersion };
}

async function download(user: TestUser, path: string): Promise<Response> {
  const url = new URL(`http://127.0.0.1${path}`);
  return adminExportResponse(await sessionOf(user), url.pathname.split("/").pop()!, url, "10.9.8.7");
}

/** The body as text, after checking that it starts with the UTF-8 byte order mark. */
async function csvText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
}

function parseCsv(text: string): Array<Record<string, string>> {
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, unescapeFormula(v)])));
}

async function seedMessagesForExport() {
  const admin = await createUser("admin");
  const user = await createUser();
  const device = await seedDevice(user.id, "=Toko");
  const tricky = ['=HYPERLINK("http://x")', "koma, \"kutip\"\nbaris baru", "Terima kasih 🙏", "+62 811", "@SUM(A1)"];
  await seedMessages(device, tricky.map((content, i) => ({ chatJid: jidOf(`6281100000${i}`), at: new Date(Date.UTC(2026, 10, 20, 3, i)), content })));
  await seedMessages(device, [{ chatJid: jidOf("62819"), at: new Date(Date.UTC(2026, 10, 25, 3)), direction: "outgoing", content: "later" }]);
  return { admin, user, device };
}

describe("admin export", () => {
  it("messages as CSV round-trip: BOM, header, formula-safe cells, every row equal to the database", async () => {
    const { admin, device } = await seedMessagesForExport();
    const res = await download(admin, "/api/admin/export/messages?format=csv&direction=incoming");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-export-rows")).toBe("5");
    const text = await csvText(res);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'@SUM(A1)`);
    const rows = parseCsv(text);
    const expected = await db().message.findMany({ where: { deviceId: device.id, direction: "incoming" }, orderBy: [{ timestamp: "desc" }, { id: "desc" }] });
    expect(rows.map((r) => [Number(r.id), r.content, r.timestamp, r.deviceId, r.deviceName, r.direction, r.chatJid])).toEqual(
      expected.map((m) => [m.id, m.content, m.timestamp.toISOString(), device.deviceId, "=Toko", "incoming", m.chatJid]),
    );
  });

  it("messages as JSON round-trip with a date filter", async () => {
    const { admin } = await seedMessagesForExport();
    const res = await download(admin, "/api/admin/export/messages?format=json&from=2026-11-24");
    const rows = JSON.parse(await res.text()) as Array<{ id: number; content: string; direction: string; timestamp: string }>;
    const expected = await db().message.findMany({ where: { timestamp: { gte: new Date("2026-11-23T17:00:00Z") } } });
    expect(rows).toEqual(expected.map((m) => expect.objectContaining({ id: m.id, content: m.content, direction: m.direction, timestamp: m.timestamp.toISOString() })));
    expect(rows).toHaveLength(1);
  });

  it("exports users, devices, contacts and audit logs, each with filters", async () => {
    const { admin, user, device } = await seedMessagesForExport();
    await db().contact.create({ data: { ownerId: user.id, name: "-Ani", phone: "+62811000001", tags: { create: { tag: { create: { ownerId: user.id, name: "vip" } } } } } });
    const users = parseCsv(await csvText(await download(admin, "/api/admin/export/users?role=user")));
    expect(users).toEqual([expect.objectContaining({ id: String(user.id), username: user.username, role: "user", devices: "1" })]);
    const devices = JSON.parse(await (await download(admin, `/api/admin/export/devices?format=json&ownerId=${user.id}`)).text()) as unknown[];
    expect(devices).toEqual([expect.objectContaining({ deviceId: device.deviceId, owner: user.username })]);
    const contacts = parseCsv(await csvText(await download(admin, "/api/admin/export/contacts?tag=vip")));
    expect(contacts).toEqual([expect.objectContaining({ owner: user.username, name: "-Ani", phone: "+62811000001", tags: "vip" })]);
    const audit = parseCsv(await csvText(await download(admin, "/api/admin/export/audit-logs?action=export.users")));
    expect(audit).toEqual([expect.objectContaining({ action: "export.users", actor: admin.username, ip: "10.9.8.7" })]);
  });

  it("audits every export with its filters, and refuses users, bad filters and unknown kinds without writing", async () => {
    const { admin, user } = await seedMessagesForExport();
    await (await download(admin, "/api/admin/export/messages?format=json&status=delivered")).text();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "export.messages" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "export", ip: "10.9.8.7", details: { format: "json", filters: { status: "delivered" }, rows: 5 } });
    const before = await rowCounts();
    expect((await download(user, "/api/admin/export/messages")).status).toBe(403);
    expect((await download(admin, "/api/admin/export/messages?status=lost")).status).toBe(400);
    expect((await download(admin, "/api/admin/export/messages?format=xml")).status).toBe(400);
    expect((await download(admin, "/api/admin/export/passwords")).status).toBe(404);
    expect((await download(admin, "/api/admin/export/messages?deviceId=nope")).status).toBe(404);
    expect(await adminExportResponse(null, "users", new URL("http://x/api/admin/export/users"), "1.1.1.1")).toMatchObject({ status: 401 });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("export stream", () => {
  it("walks messages across pages without skipping or repeating rows that share a timestamp", async () => {
    const user = await createUser();
    const device = await seedDevice(user.id);
    const same = new Date(Date.UTC(2026, 10, 20, 3, 0, 0, 250));
    await seedMessages(device, Array.from({ length: 7 }, (_, i) => ({ chatJid: jidOf(`6281200000${i}`), at: i < 5 ? same : new Date(Date.UTC(2026, 10, 21, i)), content: `m${i}` })));
    const text = await new Response(exportStream(messagesSource({ deviceRowId: device.id }), "csv", { pageSize: 2 })).text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ""));
    const expected = await db().message.findMany({ where: { deviceId: device.id }, orderBy: [{ timestamp: "desc" }, { id: "desc" }] });
    expect(rows.map((r) => [Number(r.id), r.timestamp, r.content])).toEqual(expected.map((m) => [m.id, m.timestamp.toISOString(), m.content]));
  });


  it("reads at most one page ahead of the reader (backpressure) and stops when cancelled", async () => {
    let pages = 0;
    const source: ExportSource<{ id: number }, number> = {
      columns: ["id"],
      count: async () => 1_000_000,
      page: async (after, size) => {
        pages += 1;
        const start = after ?? 0;
        return { rows: Array.from({ length: size }, (_, i) => ({ id: start + i + 1 })), next: start + size };
      },
      toCells: (row) => [row.id],
    };
    const reader = exportStream(source, "csv", { pageSize: 100 }).getReader();
    await reader.read();
    await reader.read();
    // Two pages delivered, the third read ahead while the second was encoded; nothing more until the reader pulls.
    expect(pages).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pages).toBe(3);
    await reader.cancel();
    expect(pages).toBe(3);
  });
});
