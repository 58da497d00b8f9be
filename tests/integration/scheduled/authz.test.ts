import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";
import { inOneHour } from "./helpers";

type Call = (caller: Caller, ctx: { deviceId: string; scheduledId: number }) => Promise<unknown>;
interface Case {
  name: string;
  call: Call;
  /** What another user gets: NOT_FOUND for another user's device or message. */
  stranger: "NOT_FOUND";
}

const schedule: Call = (c, { deviceId }) =>
  c.message.schedule({ deviceId, to: "0812-3456-7890", text: "Halo", scheduleTime: inOneHour(), timezone: "Asia/Jakarta" });

const CASES: Case[] = [
  { name: "message.schedule", call: schedule, stranger: "NOT_FOUND" },
  { name: "message.scheduled.list (device)", call: (c, { deviceId }) => c.message.scheduled.list({ deviceId }), stranger: "NOT_FOUND" },
  { name: "message.scheduled.cancel", call: (c, { scheduledId }) => c.message.scheduled.cancel({ id: scheduledId }), stranger: "NOT_FOUND" },
];

// The schedule procedures never touch WhatsApp, but a manager is installed as in the server.
let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
let deviceId: string;
let scheduledId: number;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  manager = startTestManager(sandbox);
});
afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" })).deviceId;
  scheduledId = ((await schedule(await callerFor(owner), { deviceId, scheduledId: 0 })) as { id: number }).id;
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string; cause?: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[SCHEDULED][TRPC][AUTHZ] every procedure × anonymous / another user / owner / admin", () => {
  it.each(CASES)("$name: anonymous gets UNAUTHORIZED and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(null), { deviceId, scheduledId }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: another user gets NOT_FOUND and nothing is written", async ({ call, stranger: code }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(stranger), { deviceId, scheduledId }))).toMatchObject({ code });
    expect(await rowCounts()).toEqual(before);
    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: scheduledId } })).toMatchObject({ status: "pending" });
  });

  it("the owner schedules, lists and cancels their own messages", async () => {
    const me = await callerFor(owner);
    const second = (await schedule(me, { deviceId, scheduledId })) as { id: number };
    const listed = await me.message.scheduled.list({ deviceId });
    expect(listed.items.map((i) => i.id).sort()).toEqual([scheduledId, second.id].sort());
    expect(await me.message.scheduled.cancel({ id: second.id })).toMatchObject({ id: second.id, status: "cancelled" });
    expect(await db().activityLog.count({ where: { userId: owner.id, action: { in: ["scheduled.create", "scheduled.cancel"] } } })).toBe(3);
    expect(await db().auditLog.count({ where: { action: { startsWith: "scheduled." } } })).toBe(0);
  });

  it("without a device, a user lists only their own; an admin lists everyone's", async () => {
    const strangerDevice = (await (await callerFor(admin)).device.create({ ownerId: stranger.id, deviceName: "Lain" })).deviceId;
    const theirs = (await schedule(await callerFor(stranger), { deviceId: strangerDevice, scheduledId })) as { id: number };
    expect((await (await callerFor(owner)).message.scheduled.list()).items.map((i) => i.id)).toEqual([scheduledId]);
    expect((await (await callerFor(stranger)).message.scheduled.list({})).items.map((i) => i.id)).toEqual([theirs.id]);
    const all = await (await callerFor(admin)).message.scheduled.list({});
    expect(all.items.map((i) => i.id).sort()).toEqual([scheduledId, theirs.id].sort());
    expect((await (await callerFor(admin)).message.scheduled.list({ deviceId })).items.map((i) => i.id)).toEqual([scheduledId]);
  });

  it("an admin schedules on and cancels for a user's device, and is audited", async () => {
    const as = await callerFor(admin);
    const created = (await schedule(as, { deviceId, scheduledId })) as { id: number; ownerId: number };
    expect(created.ownerId).toBe(owner.id);
    expect(await as.message.scheduled.cancel({ id: scheduledId })).toMatchObject({ status: "cancelled" });
    const audits = await db().auditLog.findMany({ where: { actorId: admin.id, action: { startsWith: "scheduled." } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.targetType, a.targetId])).toEqual([
      ["scheduled.create", "scheduledMessage", String(created.id)],
      ["scheduled.cancel", "scheduledMessage", String(scheduledId)],
    ]);
  });

  it("pages with a cursor, latest schedule time first", async () => {
    const me = await callerFor(owner);
    for (let i = 0; i < 4; i += 1) await schedule(me, { deviceId, scheduledId });
    const first = await me.message.scheduled.list({ deviceId, limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await me.message.scheduled.list({ deviceId, limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items).toHaveLength(2);
    const times = [...first.items, ...second.items].map((i) => i.scheduleTime.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(5);
  });
});

describe("[SCHEDULED][TRPC][INPUT] invalid input → BAD_REQUEST with a clear message, nothing written", () => {
  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ["unknown time zone", { timezone: "Mars/Olympus" }, /not a known time zone/],
    ["empty time zone", { timezone: "" }, /not a known time zone/],
    ["past time", { scheduleTime: "2020-01-01T09:00" }, /in the past/],
    ["malformed time", { scheduleTime: "next tuesday" }, /YYYY-MM-DDTHH:mm/],
    ["impossible date", { scheduleTime: "2030-02-30T09:00" }, /not a valid date/],
    ["too far ahead", { scheduleTime: "2099-01-01T09:00" }, /one year ahead/],
    ["bad phone", { to: "12ab" }, /may only contain digits/],
    ["short phone", { to: "0812" }, /too short/],
    ["empty text", { text: "   " }, /Enter a message/],
  ];
  it.each(bad)("message.schedule: %s", async (_label, override, message) => {
    const me = await callerFor(owner);
    const before = await rowCounts();
    const error = await refusal(
      me.message.schedule({ deviceId, to: "0812-3456-7890", text: "Halo", scheduleTime: inOneHour(), timezone: "Asia/Jakarta", ...override }),
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(String(error.message)).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("message.scheduled.cancel and list refuse malformed input", async () => {
    const me = await callerFor(owner);
    const before = await rowCounts();
    await expect(me.message.scheduled.cancel({ id: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.message.scheduled.list({ deviceId: "../etc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.message.scheduled.list({ limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await rowCounts()).toEqual(before);
  });

  it("a wall-clock time is read in the given zone", async () => {
    const me = await callerFor(owner);
    const year = new Date().getUTCFullYear() + 1;
    const row = await me.message.schedule({ deviceId, to: "+6281234567890", text: "x", scheduleTime: `${year}-01-15T09:00`, timezone: "asia/jakarta" });
    expect(row.timezone).toBe("Asia/Jakarta");
    expect(row.scheduleTime.toISOString()).toBe(`${year}-01-15T02:00:00.000Z`);
  });
});
