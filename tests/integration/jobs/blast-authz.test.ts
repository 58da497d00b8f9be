import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";

type Ctx = { deviceId: string; jobId: number };
type Call = (caller: Caller, ctx: Ctx) => Promise<unknown>;

const blastInput = (deviceId: string) => ({
  deviceId,
  message: { kind: "text" as const, text: "Halo {{name}}" },
  recipients: { source: "paste" as const, text: "0812-3456-7890,Budi\n0812-3456-7891,Sari" },
});

/** Every job procedure that names a device or a job: another user's is NOT_FOUND, as if it did not exist. */
const OWNED: Array<{ name: string; call: Call }> = [
  { name: "job.review", call: (c, { deviceId }) => c.job.review(blastInput(deviceId)) },
  { name: "job.create", call: (c, { deviceId }) => c.job.create(blastInput(deviceId)) },
  { name: "job.get", call: (c, { jobId }) => c.job.get({ id: jobId }) },
  { name: "job.items", call: (c, { jobId }) => c.job.items({ id: jobId }) },
  { name: "job.pause", call: (c, { jobId }) => c.job.pause({ id: jobId }) },
  { name: "job.resume", call: (c, { jobId }) => c.job.resume({ id: jobId }) },
  { name: "job.cancel", call: (c, { jobId }) => c.job.cancel({ id: jobId }) },
];
const ADMIN_ONLY: Array<{ name: string; call: Call }> = [
  { name: "job.retry", call: (c, { jobId }) => c.job.retry({ id: jobId }) },
  { name: "admin.jobs", call: (c) => c.admin.jobs({}) },
];
const ANY_USER: Array<{ name: string; call: Call }> = [
  { name: "job.list", call: (c) => c.job.list() },
  { name: "optOut.list", call: (c) => c.optOut.list() },
  { name: "optOut.add", call: (c) => c.optOut.add({ phone: "0812-0000-1111" }) },
  { name: "optOut.remove", call: (c) => c.optOut.remove({ id: 1 }) },
  { name: "optOut.keywords", call: (c) => c.optOut.keywords() },
  { name: "optOut.setKeywords", call: (c) => c.optOut.setKeywords({ keywords: ["STOP"] }) },
];

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
let ctx: Ctx;

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
  const deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" })).deviceId;
  // No runner in this file: the job stays as created.
  const job = await (await callerFor(owner)).job.create(blastInput(deviceId));
  ctx = { deviceId, jobId: job.id };
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[JOBS][TRPC][AUTHZ] job and opt-out procedures × anonymous / another user / owner / admin", () => {
  it.each([...OWNED, ...ADMIN_ONLY, ...ANY_USER])("$name: anonymous gets UNAUTHORIZED and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(null), ctx))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(OWNED)("$name: another user gets NOT_FOUND and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(stranger), ctx))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
    expect(await db().job.findUniqueOrThrow({ where: { id: ctx.jobId } })).toMatchObject({ status: "processing", pauseReason: null });
  });

  it.each(ADMIN_ONLY)("$name: a user (even the owner) gets FORBIDDEN and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(owner), ctx))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("the owner sees and controls their job; the list shows only their jobs", async () => {
    const me = await callerFor(owner);
    expect(await me.job.get({ id: ctx.jobId })).toMatchObject({ id: ctx.jobId, total: 2, pending: 2, replies: { messages: 0, recipients: 0 } });
    const items = await me.job.items({ id: ctx.jobId });
    expect(items).toMatchObject({ total: 2, items: [{ recipient: "+6281234567890", name: "Budi" }, { recipient: "+6281234567891", name: "Sari" }] });
    expect((await me.job.items({ id: ctx.jobId, search: "Sari" })).items.map((i) => i.name)).toEqual(["Sari"]);
    expect(await me.job.pause({ id: ctx.jobId })).toMatchObject({ status: "paused", pauseReason: "manual" });
    expect(await me.job.resume({ id: ctx.jobId })).toMatchObject({ status: "processing" });
    expect((await me.job.list()).items.map((j) => j.id)).toEqual([ctx.jobId]);
    expect((await (await callerFor(stranger)).job.list()).items).toEqual([]);
    expect(await me.job.cancel({ id: ctx.jobId })).toMatchObject({ status: "cancelled", cancelled: 2, pending: 0 });
    const actions = await db().activityLog.findMany({ where: { userId: owner.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["job.create", "job.pause", "job.resume", "job.cancel"]);
    expect(await db().auditLog.count({ where: { action: { startsWith: "job." } } })).toBe(0);
  });

  it("an admin sees every job with filters, controls a user's job and is audited", async () => {
    const as = await callerFor(admin);
    const theirDevice = (await as.device.create({ ownerId: stranger.id, deviceName: "Lain" })).deviceId;
    const theirs = await (await callerFor(stranger)).job.create(blastInput(theirDevice));
    expect((await as.admin.jobs({})).items.map((j) => j.id)).toEqual([theirs.id, ctx.jobId]);
    expect((await as.admin.jobs({ ownerId: owner.id })).items.map((j) => j.id)).toEqual([ctx.jobId]);
    expect((await as.admin.jobs({ deviceId: theirDevice })).items.map((j) => j.id)).toEqual([theirs.id]);
    expect((await as.admin.jobs({ status: "cancelled" })).items).toEqual([]);
    expect((await as.admin.jobs({ from: new Date(Date.now() + 60_000) })).items).toEqual([]);
    expect(await as.job.pause({ id: ctx.jobId })).toMatchObject({ status: "paused" });
    const audit = await db().auditLog.findMany({ where: { actorId: admin.id, action: "job.pause" } });
    expect(audit.map((a) => [a.targetType, a.targetId])).toEqual([["job", String(ctx.jobId)]]);
    // Retry needs failed items.
    expect(await refusal(as.job.retry({ id: ctx.jobId }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("[JOBS][VALIDATION] bad input gets a clear error and no job", () => {
  const refusedWithoutWrites = async (call: () => Promise<unknown>, code: string, message: RegExp) => {
    const before = await rowCounts();
    const error = await refusal(call());
    expect(error).toMatchObject({ code });
    expect(error.message).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  };

  it("no recipients, only invalid ones, a bad pacing or time zone", async () => {
    const me = await callerFor(owner);
    await refusedWithoutWrites(() => me.job.create({ ...blastInput(ctx.deviceId), recipients: { source: "paste", text: "\n\n" } }), "BAD_REQUEST", /no recipient/);
    await refusedWithoutWrites(() => me.job.create({ ...blastInput(ctx.deviceId), recipients: { source: "paste", text: "12,Budi\nabc" } }), "BAD_REQUEST", /no recipient/);
    await refusedWithoutWrites(
      () => me.job.create({ ...blastInput(ctx.deviceId), pacing: { preset: "custom", minSeconds: 5, maxSeconds: 1 } }),
      "BAD_REQUEST",
      /longest wait/,
    );
    await refusedWithoutWrites(() => me.job.create({ ...blastInput(ctx.deviceId), start: { startAt: "2030-01-01T09:00", timezone: "Mars/Base" } }), "BAD_REQUEST", /time zone/);
    await refusedWithoutWrites(() => me.job.create({ ...blastInput(ctx.deviceId), start: { startAt: "2020-01-01T09:00", timezone: "Asia/Jakarta" } }), "BAD_REQUEST", /past/);
  });

  it("rows missing template values are listed; leaving them out creates the job without them", async () => {
    const me = await callerFor(owner);
    const input = {
      deviceId: ctx.deviceId,
      message: { kind: "text" as const, text: "Halo {{name}}, pesanan {{order}} siap" },
      recipients: { source: "paste" as const, text: "0812-1111-2222,Budi,A-1\n0812-1111-3333,Sari\n0812-1111-2222,Budi,A-1\n12345" },
    };
    const review = await me.job.review(input);
    expect(review.counts).toEqual({ rows: 4, ready: 1, invalid: 1, duplicates: 1, optedOut: 0, missingValues: 1 });
    expect(review.missingValues).toEqual([{ row: 2, phone: "+6281211113333", missing: ["order"] }]);
    expect(review.invalid[0]).toMatchObject({ row: 4, input: "12345" });
    expect(review.duplicates).toEqual([{ row: 3, phone: "+6281211112222" }]);
    expect(review.ready).toEqual([{ row: 1, phone: "+6281211112222", name: "Budi", text: "Halo Budi, pesanan A-1 siap" }]);
    await refusedWithoutWrites(() => me.job.create(input), "BAD_REQUEST", /row 2 \(\{\{order\}\}\)/);
    const job = await me.job.create({ ...input, start: { excludeIncomplete: true } });
    expect(job).toMatchObject({ total: 1, pending: 1 });
  });

  it("a CSV maps columns to the phone, name and placeholders; an unknown column or an oversized file is refused", async () => {
    const me = await callerFor(owner);
    const csv = "Nomor,Nama,Kota\n0812-2222-1111,Budi,Bandung\n0812-2222-3333,Sari,Medan\n";
    const input = {
      deviceId: ctx.deviceId,
      message: { kind: "text" as const, text: "Halo {{name}} di {{city}}" },
      recipients: { source: "csv" as const, csv, phoneColumn: "Nomor", nameColumn: "Nama", variableColumns: { city: "Kota" } },
    };
    const review = await me.job.review(input);
    expect(review.ready.map((r) => [r.row, r.text])).toEqual([
      [2, "Halo Budi di Bandung"],
      [3, "Halo Sari di Medan"],
    ]);
    await refusedWithoutWrites(() => me.job.review({ ...input, recipients: { ...input.recipients, phoneColumn: "Phone" } }), "BAD_REQUEST", /no column named "Phone"/);
    const big = `Nomor\n${"0812-2222-1111\n".repeat(150_000)}`;
    await refusedWithoutWrites(() => me.job.create({ ...input, recipients: { ...input.recipients, csv: big } }), "BAD_REQUEST", /larger than 2048 KiB/);
  });

  it("more recipients than a job may have is refused", async () => {
    const me = await callerFor(owner);
    const text = Array.from({ length: 10_001 }, (_, i) => `+62813${String(10_000_000 + i)}`).join("\n");
    await refusedWithoutWrites(() => me.job.create({ ...blastInput(ctx.deviceId), message: { kind: "text", text: "Promo" }, recipients: { source: "paste", text } }), "BAD_REQUEST", /at most 10000 recipients; this one has 10001/);
  });

  it("contacts picked by tag become recipients with their saved names", async () => {
    const me = await callerFor(owner);
    const tag = await me.contact.tags.create({ name: "VIP" });
    const budi = await me.contact.create({ name: "Budi", phone: "0812-5555-1111" });
    await me.contact.create({ name: "Sari", phone: "0812-5555-2222" });
    await me.contact.setTags({ contactId: budi.id, tagIds: [tag.id] });
    const review = await me.job.review({ deviceId: ctx.deviceId, message: { kind: "text", text: "Hi {{name}}" }, recipients: { source: "tags", tagIds: [tag.id] } });
    expect(review.ready).toEqual([{ row: 1, phone: "+6281255551111", name: "Budi", text: "Hi Budi" }]);
    // Another user's tag selects nothing of theirs.
    const strangerReview = await (await callerFor(stranger)).job.review({
      deviceId: (await (await callerFor(admin)).device.create({ ownerId: stranger.id, deviceName: "L" })).deviceId,
      message: { kind: "text", text: "Hi" },
      recipients: { source: "tags", tagIds: [tag.id] },
    });
    expect(strangerReview.counts.ready).toBe(0);
  });
});
