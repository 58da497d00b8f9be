import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";
import { blast, contacts, eventMark, inboxCounts, startBlastRunner, waitForFinished, waitForJob } from "./blast-helpers";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runner: WorkRunner | undefined;
let owner: TestUser;
let me: Caller;
let admin: Caller;
let device: { id: number; deviceId: string; ownerId: number };

function nextHour(): Date {
  const at = new Date();
  at.setMinutes(60, 0, 0);
  return at;
}

function tomorrow(): Date {
  const at = new Date();
  at.setHours(24, 0, 0, 0);
  return at;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await callerFor(await createUser("admin"));
  owner = await createUser("user", { dailyMessageLimit: 1000 });
  me = await callerFor(owner);
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  await pairByQr(sandbox, me, device.deviceId, uniquePhone());
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await stopTestManager(manager);
  manager = undefined;
});

describe("[JOBS][CAPS] per-device hourly and daily send caps", () => {
  it("an hourly cap holds the device's items with that reason, holds after a restart, and frees with the next hour", async () => {
    await me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 2, dailyCap: null });
    runner = startBlastRunner();
    const phones = contacts(sandbox, 5);
    const since = eventMark();
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0, maxSeconds: 0 });
    const held = await waitForJob(job.id, (d) => d.status === "paused", since);
    expect(held.data).toMatchObject({ pauseReason: "hourly_cap", completed: 2 });
    expect(held.data.error).toContain("hourly cap of 2");
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).resumeAt?.getTime()).toBe(nextHour().getTime());
    expect(await me.device.sendCaps({ deviceId: device.deviceId })).toMatchObject({ inForce: { hourly: 2, daily: 5000 }, sentThisHour: 2, sentToday: 2 });

    // A new process counts from the database: resumed by hand, the job is held again without a send.
    await runner.stop();
    runner = startBlastRunner();
    const resumeMark = eventMark();
    await me.job.resume({ id: job.id });
    const again = await waitForJob(job.id, (d) => d.status === "paused", resumeMark);
    expect(again.data).toMatchObject({ pauseReason: "hourly_cap", completed: 2 });

    // The next hour: this hour's sends become the last hour's, and the resume time comes.
    const hourMark = eventMark();
    await db().$executeRaw`UPDATE DeviceSendWindow SET hourStart = hourStart - INTERVAL 1 HOUR WHERE deviceId = ${device.id}`;
    await db().job.update({ where: { id: job.id }, data: { resumeAt: new Date(Date.now() - 1000) } });
    const heldAgain = await waitForJob(job.id, (d) => d.status === "paused" && d.completed === 4, hourMark);
    expect(heldAgain.data.pauseReason).toBe("hourly_cap");

    // Raising the cap lets the job go at once.
    const raiseMark = eventMark();
    await me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 10, dailyCap: null });
    expect((await waitForFinished(job.id, raiseMark)).data).toMatchObject({ status: "completed", completed: 5 });
    for (const phone of phones) await sandbox.waitForInbox(phone, () => true);
    expect(inboxCounts(sandbox, phones)).toEqual([1, 1, 1, 1, 1]);
  });

  it("a daily cap counts the scheduled messages of the lane and holds the job until tomorrow", async () => {
    await me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: null, dailyCap: 3 });
    runner = startBlastRunner();
    const [scheduledTo, ...phones] = contacts(sandbox, 4) as [string, ...string[]];
    const since = eventMark();
    await me.message.schedule({ deviceId: device.deviceId, to: `+${scheduledTo}`, text: "Pengingat", scheduleTime: new Date(Date.now() - 1000).toISOString(), timezone: "Asia/Jakarta" });
    await waitForEvent("scheduled.status", (d) => d.status === "sent", { since });
    const job = await blast(me, device.deviceId, phones, { minSeconds: 0, maxSeconds: 0 });
    const held = await waitForJob(job.id, (d) => d.status === "paused", since);
    expect(held.data).toMatchObject({ pauseReason: "daily_cap", completed: 2 });
    expect(held.data.error).toContain("daily cap of 3");
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).resumeAt?.getTime()).toBe(tomorrow().getTime());
    expect(await me.device.sendCaps({ deviceId: device.deviceId })).toMatchObject({ sentToday: 3 });

    // The new day: yesterday's counts no longer hold the device.
    const dayMark = eventMark();
    await db().$executeRaw`UPDATE DeviceSendWindow SET hourStart = hourStart - INTERVAL 1 DAY WHERE deviceId = ${device.id}`;
    await db().job.update({ where: { id: job.id }, data: { resumeAt: new Date(Date.now() - 1000) } });
    expect((await waitForFinished(job.id, dayMark)).data).toMatchObject({ status: "completed", completed: 3 });
  });

  it("the review's estimate waits for the cap windows the job will reach, and says which cap and when it goes on", async () => {
    await me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 2, dailyCap: null });
    await db().deviceSendWindow.create({ data: { deviceId: device.id, hourStart: new Date(nextHour().getTime() - 3600_000), sent: 1 } });
    const input = { deviceId: device.deviceId, message: { kind: "text" as const, text: "Hi" }, recipients: { source: "paste" as const, text: contacts(sandbox, 5).map((p) => `+${p}`).join("\n") } };
    const review = await me.job.review({ ...input, pacing: { preset: "custom", minSeconds: 10, maxSeconds: 10 } });
    // One send fits this hour, two the next, the last two the hour after: the last goes out 10 s into that hour.
    expect(review.capWait).toMatchObject({ reason: "hourly_cap", cap: 2, resumesAt: nextHour() });
    const expected = (nextHour().getTime() + 3600_000 + 10_000 - Date.now()) / 1000;
    expect(Math.abs(review.estimatedSeconds - expected)).toBeLessThan(60);

    // Under the cap the estimate is the pacing alone.
    await me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 100, dailyCap: null });
    expect(await me.job.review({ ...input, pacing: { preset: "custom", minSeconds: 10, maxSeconds: 10 } })).toMatchObject({ estimatedSeconds: 40, capWait: null });
  });

  it("owners may lower the admin's caps but not exceed the maximum; the admin's default stays at or under the maximum", async () => {
    expect(await me.device.sendCaps({ deviceId: device.deviceId })).toMatchObject({
      hourlyCap: null,
      dailyCap: null,
      defaults: { hourly: 500, daily: 5000 },
      maxima: { hourly: 1000, daily: 10_000 },
      inForce: { hourly: 500, daily: 5000 },
    });
    await admin.admin.settings.update({ jobHourlyCapDefault: 20, jobHourlyCapMax: 50, jobDailyCapDefault: 100, jobDailyCapMax: 200 });
    await expect(me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 51, dailyCap: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The hourly cap can be at most 50 messages (the administrator's maximum)",
    });
    await expect(me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: null, dailyCap: 201 })).rejects.toMatchObject({
      message: "The daily cap can be at most 200 messages (the administrator's maximum)",
    });
    await expect(me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 0, dailyCap: null })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db().device.findUniqueOrThrow({ where: { id: device.id }, select: { hourlyCap: true, dailyCap: true } })).toEqual({ hourlyCap: null, dailyCap: null });

    expect(await me.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 40, dailyCap: 150 })).toMatchObject({ inForce: { hourly: 40, daily: 150 } });
    // A lower maximum later wins over the owner's own cap.
    await admin.admin.settings.update({ jobHourlyCapDefault: 10, jobHourlyCapMax: 30 });
    expect(await me.device.sendCaps({ deviceId: device.deviceId })).toMatchObject({ hourlyCap: 40, inForce: { hourly: 30, daily: 150 } });

    await expect(admin.admin.settings.update({ jobDailyCapDefault: 300 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The default daily cap (300) cannot be above the maximum (200)",
    });
    expect(await admin.admin.settings.get()).toMatchObject({ jobDailyCapDefault: 100, jobDailyCapMax: 200 });

    const stranger = await callerFor(await createUser());
    await expect(stranger.device.setSendCaps({ deviceId: device.deviceId, hourlyCap: 1, dailyCap: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.device.sendCaps({ deviceId: device.deviceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
