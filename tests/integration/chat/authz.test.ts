import { beforeEach, describe, expect, it } from "vitest";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { jidOf, seedDevice, seedMessages, type SeededDevice } from "./seed";

const CHAT = jidOf("6281234567890");
const GROUP = "120363000000000001@g.us";

type Kind = "device" | "admin" | "scoped";
interface Case {
  name: string;
  kind: Kind;
  call: (caller: Caller, deviceId: string) => Promise<unknown>;
}

const CASES: Case[] = [
  { name: "chat.history", kind: "device", call: (c, deviceId) => c.chat.history({ deviceId, chatJid: CHAT }) },
  { name: "chat.history by phone", kind: "device", call: (c, deviceId) => c.chat.history({ deviceId, phone: "0812-3456-7890" }) },
  { name: "chat.list", kind: "device", call: (c, deviceId) => c.chat.list({ deviceId }) },
  { name: "chat.dailyChatList", kind: "device", call: (c, deviceId) => c.chat.dailyChatList({ deviceId, date: "2026-03-10", timezone: "Asia/Jakarta" }) },
  { name: "chat.search on a device", kind: "device", call: (c, deviceId) => c.chat.search({ deviceId }) },
  { name: "chat.groupHistory", kind: "admin", call: (c, deviceId) => c.chat.groupHistory({ deviceId, groupJid: GROUP }) },
  { name: "chat.search (all own)", kind: "scoped", call: (c) => c.chat.search({}) },
  { name: "activity.list", kind: "scoped", call: (c) => c.activity.list({}) },
];

let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
let device: SeededDevice;

beforeEach(async () => {
  await resetDb();
  admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  device = await seedDevice(owner.id);
  await seedMessages(device, [
    { chatJid: CHAT, at: new Date("2026-03-10T03:00:00Z"), content: "owner secret" },
    { chatJid: GROUP, at: new Date("2026-03-10T03:01:00Z"), content: "group secret" },
  ]);
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[CHAT][ACTIVITY][TRPC][AUTHZ] every procedure × anonymous / another user / owner / admin", () => {
  it.each(CASES)("$name: anonymous gets UNAUTHORIZED and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(null), device.deviceId))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: another user gets NOT_FOUND / FORBIDDEN / only their own, and nothing leaks", async ({ call, kind }) => {
    const before = await rowCounts();
    const caller = await callerFor(stranger);
    if (kind === "scoped") {
      const result = await call(caller, device.deviceId);
      expect(JSON.stringify(result)).not.toContain("secret");
      expect(result).toMatchObject({ items: [] });
    } else {
      const error = await refusal(call(caller, device.deviceId));
      expect(error).toMatchObject({ code: kind === "admin" ? "FORBIDDEN" : "NOT_FOUND" });
      expect(error.message ?? "").not.toContain("secret");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("chat.groupHistory: the device's owner gets FORBIDDEN too (admin-only)", async () => {
    expect(await refusal((await callerFor(owner)).chat.groupHistory({ deviceId: device.deviceId, groupJid: GROUP }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("the owner reads their chats; group conversations stay admin-only", async () => {
    const c = await callerFor(owner);
    expect((await c.chat.history({ deviceId: device.deviceId, chatJid: CHAT })).items.map((m) => m.content)).toEqual(["owner secret"]);
    expect((await c.chat.list({ deviceId: device.deviceId })).items.map((i) => i.chatJid)).toEqual([CHAT]);
    expect((await c.chat.dailyChatList({ deviceId: device.deviceId, date: "2026-03-10", timezone: "UTC" })).items.map((i) => i.chatJid)).toEqual([CHAT]);
    expect((await c.chat.search({})).items.map((m) => m.content)).toEqual(["owner secret"]);
    expect(await refusal(c.chat.history({ deviceId: device.deviceId, chatJid: GROUP }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("an admin reads every device, groups included", async () => {
    const c = await callerFor(admin);
    expect((await c.chat.history({ deviceId: device.deviceId, chatJid: CHAT })).items).toHaveLength(1);
    expect((await c.chat.groupHistory({ deviceId: device.deviceId, groupJid: GROUP })).items.map((m) => m.content)).toEqual(["group secret"]);
    expect((await c.chat.list({ deviceId: device.deviceId })).items.map((i) => i.chatJid).sort()).toEqual([CHAT, GROUP].sort());
    expect((await c.chat.search({})).items.map((m) => m.content)).toEqual(["group secret", "owner secret"]);
    expect(await refusal(c.chat.groupHistory({ deviceId: "no-such-device", groupJid: GROUP }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("returned messages carry no metadata or owner internals", async () => {
    const page = await (await callerFor(owner)).chat.history({ deviceId: device.deviceId, chatJid: CHAT });
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(
      ["chatJid", "content", "direction", "error", "fromJid", "id", "media", "origin", "sentBy", "status", "timestamp", "toJid", "type", "waMessageId"].sort(),
    );
  });
});

describe("[CHAT][ACTIVITY][TRPC][INPUT] invalid input is BAD_REQUEST and writes nothing", () => {
  const INVALID: Array<{ name: string; call: (c: Caller, deviceId: string) => Promise<unknown> }> = [
    { name: "history without chat", call: (c, deviceId) => c.chat.history({ deviceId }) },
    { name: "history with chat and phone", call: (c, deviceId) => c.chat.history({ deviceId, chatJid: CHAT, phone: "081234567890" }) },
    { name: "history with a bad jid", call: (c, deviceId) => c.chat.history({ deviceId, chatJid: "not a jid" }) },
    { name: "history with a bad phone", call: (c, deviceId) => c.chat.history({ deviceId, phone: "12" }) },
    { name: "history with a bad cursor", call: (c, deviceId) => c.chat.history({ deviceId, chatJid: CHAT, cursor: "abc" }) },
    { name: "history with limit 101", call: (c, deviceId) => c.chat.history({ deviceId, chatJid: CHAT, limit: 101 }) },
    { name: "history with limit 0", call: (c, deviceId) => c.chat.history({ deviceId, chatJid: CHAT, limit: 0 }) },
    { name: "list with a bad cursor", call: (c, deviceId) => c.chat.list({ deviceId, cursor: "x" }) },
    { name: "daily list on 30 February", call: (c, deviceId) => c.chat.dailyChatList({ deviceId, date: "2026-02-30" }) },
    { name: "daily list with a bad date", call: (c, deviceId) => c.chat.dailyChatList({ deviceId, date: "10/03/2026" }) },
    { name: "daily list in an unknown zone", call: (c, deviceId) => c.chat.dailyChatList({ deviceId, timezone: "Mars/Olympus" }) },
    { name: "search from after to", call: (c) => c.chat.search({ from: "2026-03-11", to: "2026-03-10" }) },
    { name: "search with a bad device id", call: (c) => c.chat.search({ deviceId: "a b" }) },
    { name: "search with long text", call: (c) => c.chat.search({ text: "x".repeat(201) }) },
    { name: "search with a bad direction", call: (c) => c.chat.search({ messageDirection: "sideways" as "incoming" }) },
    { name: "activity with a bad action", call: (c) => c.activity.list({ action: "DROP TABLE" }) },
    { name: "activity with limit 500", call: (c) => c.activity.list({ limit: 500 }) },
    { name: "activity with a bad cursor", call: (c) => c.activity.list({ cursor: "1:2:3" }) },
  ];

  it.each(INVALID)("$name", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(owner), device.deviceId))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await rowCounts()).toEqual(before);
  });

  it("groupHistory with a person's jid (admin)", async () => {
    expect(await refusal((await callerFor(admin)).chat.groupHistory({ deviceId: device.deviceId, groupJid: CHAT }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
