import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";
import { blast, contacts, eventMark, inboxCounts, itemsOf, startBlastRunner, waitForFinished, waitForJob } from "./blast-helpers";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runner: WorkRunner | undefined;
let owner: TestUser;
let me: Caller;
let admin: Caller;
let device: { id: number; deviceId: string; ownerId: number };
let devicePhone: string;

beforeAll(async () => {
  // Numbers without a sandbox account are "not on WhatsApp": sends to them fail, as they would for real.
  sandbox = await startTestSandbox({ unknownNumbers: "absent" });
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await callerFor(await createUser("admin"));
  owner = await createUser();
  me = await callerFor(owner);
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  devicePhone = uniquePhone();
  sandbox.createAccount({ phone: devicePhone });
  await pairByQr(sandbox, me, device.deviceId, devicePhone);
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await stopTestManager(manager);
  manager = undefined;
});

/** Sends one scheduled message through the device's lane and waits for it: the lane has run past any pacing wait. */
async function laneRanPast(): Promise<void> {
  const since = eventMark();
  const [probe] = contacts(sandbox, 1);
  const scheduled = await me.message.schedule({ deviceId: device.deviceId, to: `+${probe}`, text: "probe", scheduleTime: new Date().toISOString(), timezone: "Asia/Jakarta" });
  await waitForEvent("scheduled.status", (d) => d.scheduledId === scheduled.id && d.status === "sent", { since });
}

describe("[JOBS][BLAST] delivery", () => {
  it("sends every recipient once, paced within the jitter bounds (from the stored send times)", async () => {
    runner = startBlastRunner();
    const phones = contacts(sandbox, 6);
    const since = eventMark();
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0.3, maxSeconds: 0.6 });
    expect(job).toMatchObject({ status: "processing", total: 6, pending: 6, delayMinMs: 300, delayMaxMs: 600 });
    const finished = await waitForFinished(job.id, since);
    expect(finished.data).toMatchObject({ status: "completed", completed: 6, failed: 0, skipped: 0 });
    expect(finished.scope).toEqual({ ownerId: owner.id });

    const items = (await itemsOf(job.id)).sort((a, b) => (a.sentAt?.getTime() ?? 0) - (b.sentAt?.getTime() ?? 0));
    // The wait between one send completing and the next starting: within [min, max], plus the runner's own work
    // (claim, the WhatsApp lookup, storing the row; on a shared, loaded machine) on the upper side.
    const waits = items.slice(1).map((item, i) => (item.sentAt?.getTime() ?? NaN) - (items[i]?.finishedAt?.getTime() ?? NaN));
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(300);
      expect(wait).toBeLessThanOrEqual(600 + 500);
    }
    console.info(`[JOBS][BLAST] pacing 300–600 ms: measured waits ${waits.join(", ")} ms`);
    expect(items.every((i) => i.status === "sent" && i.message?.content === "Halo Budi" && i.message.jobItemId === i.id)).toBe(true);
    for (const phone of phones) await sandbox.waitForInbox(phone, (m) => m.text === "Halo Budi");
    expect(inboxCounts(sandbox, phones)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("pause takes effect before the next send; the lane keeps serving scheduled messages; resume finishes the job", async () => {
    runner = startBlastRunner();
    const phones = contacts(sandbox, 5);
    const since = eventMark();
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0.4, maxSeconds: 0.4 });
    await waitForJob(job.id, (d) => d.completed >= 1, since);
    const paused = await me.job.pause({ id: job.id });
    const pausedAt = Date.now();
    expect(paused).toMatchObject({ status: "paused", pauseReason: "manual" });
    const sentAtPause = (await itemsOf(job.id)).filter((i) => i.sentAt !== null).length;
    await laneRanPast();
    const afterLane = await itemsOf(job.id);
    expect(afterLane.filter((i) => i.sentAt !== null).length).toBe(sentAtPause);
    expect(afterLane.every((i) => i.sentAt === null || i.sentAt.getTime() <= pausedAt)).toBe(true);

    const resumeMark = eventMark();
    expect(await me.job.resume({ id: job.id })).toMatchObject({ status: "processing", pauseReason: null });
    expect((await waitForFinished(job.id, resumeMark)).data).toMatchObject({ status: "completed", completed: 5 });
    for (const phone of phones) await sandbox.waitForInbox(phone, () => true);
    expect(inboxCounts(sandbox, phones)).toEqual([1, 1, 1, 1, 1]);
  });

  it("cancel marks every unsent recipient cancelled and nothing more goes out", async () => {
    runner = startBlastRunner();
    const phones = contacts(sandbox, 6);
    const since = eventMark();
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0.4, maxSeconds: 0.4 });
    await waitForJob(job.id, (d) => d.completed >= 1, since);
    const cancelled = await me.job.cancel({ id: job.id });
    expect(cancelled.status).toBe("cancelled");
    await laneRanPast();
    const items = await itemsOf(job.id);
    const sent = items.filter((i) => i.status === "sent").length;
    expect(items.filter((i) => i.status === "cancelled").length).toBe(6 - sent);
    expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "cancelled", completed: sent, cancelled: 6 - sent });
    expect(inboxCounts(sandbox, phones).reduce((a, b) => a + b, 0)).toBe(sent);
    await expect(me.job.resume({ id: job.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("auto-pauses on a failure spike with the reason; an admin retries the failed recipients", async () => {
    runner = startBlastRunner();
    // Five numbers that are not on WhatsApp, then two that are.
    const absent = Array.from({ length: 5 }, () => uniquePhone());
    const good = contacts(sandbox, 2);
    const since = eventMark();
    const job = await blast(me, device.deviceId, [...absent, ...good]);
    const paused = await waitForJob(job.id, (d) => d.status === "paused", since);
    expect(paused.data).toMatchObject({ pauseReason: "failure_spike", failed: 5, completed: 0 });
    expect(paused.data.error).toContain("5 messages in a row");
    const failedItems = (await itemsOf(job.id)).filter((i) => i.status === "failed");
    expect(failedItems.map((i) => i.recipient)).toEqual(absent.map((p) => `+${p}`));
    // The device's recipient check refused them before anything went out: each failed message and its item carry the reason.
    expect(failedItems.map((i) => [i.error, i.message?.status])).toEqual(absent.map(() => ["This number is not on WhatsApp", "failed"]));

    // Users may not retry; the numbers join WhatsApp; the admin retries and resumes.
    await expect(me.job.retry({ id: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const phone of absent) sandbox.createAccount({ phone });
    const retryMark = eventMark();
    expect(await admin.job.retry({ id: job.id })).toMatchObject({ status: "paused", failed: 0, pending: 7 });
    await admin.job.resume({ id: job.id });
    expect((await waitForFinished(job.id, retryMark)).data).toMatchObject({ status: "completed", completed: 7, failed: 0 });
    for (const phone of [...absent, ...good]) await sandbox.waitForInbox(phone, () => true);
    expect(inboxCounts(sandbox, [...absent, ...good])).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect((await itemsOf(job.id)).every((i) => i.status === "sent" && i.message?.jobItemId === i.id)).toBe(true);
    const audit = await db().auditLog.findMany({ where: { action: "job.retry", targetId: String(job.id) } });
    expect(audit).toHaveLength(1);
  });
});
