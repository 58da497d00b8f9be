import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent, waitForStatus } from "../../helpers/whatsapp";
import { blast, contacts, eventMark, inboxCounts, itemsOf, pasted, startBlastRunner, waitForFinished, waitForJob } from "./blast-helpers";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runner: WorkRunner | undefined;
let owner: TestUser;
let me: Caller;
let device: { id: number; deviceId: string; ownerId: number };
let devicePhone: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  const admin = await callerFor(await createUser("admin"));
  owner = await createUser("user", { dailyMessageLimit: 3 });
  me = await callerFor(owner);
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  devicePhone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, devicePhone);
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await stopTestManager(manager);
  manager = undefined;
});

describe("[JOBS][BLAST] opt-outs, limits and devices", () => {
  it("an incoming opt-out keyword lists the sender; the review removes them and the job skips them", async () => {
    runner = startBlastRunner();
    const [quitter, stays] = contacts(sandbox, 2) as [string, string];
    const since = eventMark();
    await sandbox.sendText(quitter, devicePhone, "  stop! ");
    await sandbox.sendText(stays, devicePhone, "stop sending me the catalogue please");
    await waitForEvent("message.received", (d) => d.fromJid.startsWith(stays), { since });
    const optOuts = await me.optOut.list();
    expect(optOuts.items).toMatchObject([{ phone: `+${quitter}`, keyword: "STOP", device: { deviceId: device.deviceId } }]);

    const input = { deviceId: device.deviceId, message: { kind: "text" as const, text: "Promo {{name}}" }, recipients: pasted([quitter, stays]) };
    const review = await me.job.review(input);
    expect(review.counts).toMatchObject({ ready: 1, optedOut: 1 });
    expect(review.optedOut.map((r) => r.phone)).toEqual([`+${quitter}`]);

    const jobMark = eventMark();
    const job = await me.job.create({ ...input, pacing: { preset: "custom", minSeconds: 0, maxSeconds: 0 } });
    expect(job).toMatchObject({ total: 2, skipped: 1, pending: 1 });
    expect((await waitForFinished(job.id, jobMark)).data).toMatchObject({ status: "completed", completed: 1, skipped: 1 });
    await sandbox.waitForInbox(stays, (m) => m.text === "Promo Budi");
    expect(sandbox.inbox(quitter).map((m) => m.text)).toEqual([]);
    const skipped = (await itemsOf(job.id)).find((i) => i.recipient === `+${quitter}`);
    expect(skipped).toMatchObject({ status: "skipped", error: "The recipient opted out", message: null });

    // The owner removes the opt-out: the number gets blasts again. Another user cannot remove it.
    const other = await callerFor(await createUser());
    await expect(other.optOut.remove({ id: optOuts.items[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await me.optOut.remove({ id: optOuts.items[0]!.id });
    expect((await me.optOut.list()).items).toEqual([]);
    expect((await me.job.review(input)).counts).toMatchObject({ ready: 2, optedOut: 0 });
  });

  it("owner keywords replace the defaults; a recipient who opts out mid-job is skipped at send time", async () => {
    await me.optOut.setKeywords({ keywords: ["cukup", "Keluar"] });
    expect(await me.optOut.keywords()).toEqual(["cukup", "Keluar"]);
    const [late, other] = contacts(sandbox, 2) as [string, string];
    // The device's incoming queue runs store + handlers one message at a time, and one sender's messages arrive in
    // order: a later marker message from the same sender proves the earlier one was handled.
    const marker = async (from: string, text: string) => {
      const mark = eventMark();
      await sandbox.sendText(from, devicePhone, text);
      await waitForEvent("message.received", (d) => d.content === text, { since: mark });
    };
    await sandbox.sendText(other, devicePhone, "STOP");
    await sandbox.sendText(late, devicePhone, "keluar");
    await marker(other, "marker 1");
    await marker(late, "marker 2");
    const listed = await me.optOut.list();
    expect(listed.items.map((o) => [o.phone, o.keyword])).toEqual([[`+${late}`, "Keluar"]]);
    await me.optOut.remove({ id: listed.items[0]!.id });

    const job = await blast(me, device.deviceId, [late, other], { minSeconds: 0, maxSeconds: 0 });
    expect(job.skipped).toBe(0);
    // Opts out after the job was created, before its turn: checked again when the item is sent.
    await sandbox.sendText(late, devicePhone, "KELUAR.");
    await marker(late, "marker 3");
    const jobMark = eventMark();
    runner = startBlastRunner();
    expect((await waitForFinished(job.id, jobMark)).data).toMatchObject({ status: "completed", completed: 1, skipped: 1 });
    expect(sandbox.inbox(late)).toEqual([]);
  });

  it("reaching the daily limit pauses the job with that reason; it continues by itself when the new day starts", async () => {
    runner = startBlastRunner();
    const phones = contacts(sandbox, 5);
    const since = eventMark();
    const review = await me.job.review({ deviceId: device.deviceId, message: { kind: "text", text: "Hi" }, recipients: pasted(phones) });
    expect(review.dailyLimit).toEqual({ limit: 3, usedToday: 0, thisJob: 5, remainingAfter: -2 });
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0, maxSeconds: 0 });
    const paused = await waitForJob(job.id, (d) => d.status === "paused", since);
    expect(paused.data).toMatchObject({ pauseReason: "daily_limit", completed: 3 });
    expect(paused.data.error).toContain("daily limit of 3");
    const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    const tomorrow = new Date();
    tomorrow.setHours(24, 0, 0, 0);
    expect(row.resumeAt?.getTime()).toBe(tomorrow.getTime());

    // The new day: today's sends become yesterday's, and the resume time comes.
    const dayMark = eventMark();
    await db().message.updateMany({ where: { ownerId: owner.id }, data: { timestamp: new Date(Date.now() - 24 * 3600_000) } });
    await db().job.update({ where: { id: job.id }, data: { resumeAt: new Date(Date.now() - 1000) } });
    expect((await waitForFinished(job.id, dayMark)).data).toMatchObject({ status: "completed", completed: 5 });
    for (const phone of phones) await sandbox.waitForInbox(phone, () => true);
    expect(inboxCounts(sandbox, phones)).toEqual([1, 1, 1, 1, 1]);
  });

  it("a device that drops mid-job makes its items wait and continue after the reconnect, none twice", async () => {
    await db().user.update({ where: { id: owner.id }, data: { dailyMessageLimit: 1000 } });
    runner = startBlastRunner({ disconnectedRestMs: 60_000 });
    const phones = contacts(sandbox, 8);
    const since = eventMark();
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0.2, maxSeconds: 0.3 });
    await waitForJob(job.id, (d) => d.completed >= 2, since);
    const dropMark = eventMark();
    sandbox.dropConnection(devicePhone);
    await waitForStatus(device.deviceId, "connected", dropMark);
    expect((await waitForFinished(job.id, since)).data).toMatchObject({ status: "completed", completed: 8, failed: 0 });
    for (const phone of phones) await sandbox.waitForInbox(phone, () => true);
    expect(inboxCounts(sandbox, phones)).toEqual(phones.map(() => 1));
    expect(await db().message.count({ where: { jobItem: { jobId: job.id } } })).toBe(8);
  });

  it("a logged-out device pauses its job with that reason", async () => {
    runner = startBlastRunner();
    const phones = contacts(sandbox, 3);
    const since = eventMark();
    sandbox.logout(devicePhone);
    await waitForStatus(device.deviceId, "logged_out", since);
    const job = await blast(me, device.deviceId, phones);
    const paused = await waitForJob(job.id, (d) => d.status === "paused", since);
    expect(paused.data).toMatchObject({ pauseReason: "device_logged_out", completed: 0 });
    expect(paused.data.error).toContain("logged out");
  });
});
