import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { makePng } from "../../helpers/media-files";
import { uploadedMediaId } from "../../helpers/media-upload";
import { waitUntil } from "../../helpers/wait-until";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";
import { eventMark, itemsOf, startBlastRunner, waitForFinished, waitForJob } from "../jobs/blast-helpers";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runner: WorkRunner | undefined;
let admin: TestUser;
let adminCaller: Caller;
let userCaller: Caller;
let deviceId: string;
let shop: string;
const phones: string[] = [];

/** A new group of the device (its creator) with these sandbox phones. */
async function group(subject: string, members: string[]): Promise<string> {
  return (await adminCaller.group.create({ deviceId, subject, participants: members.map((p) => `+${p}`) })).groupJid;
}

const pacing = (seconds: number) => ({ preset: "custom" as const, minSeconds: seconds, maxSeconds: seconds });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await createUser("admin");
  const owner = await createUser("user", { dailyMessageLimit: 1000 });
  adminCaller = await callerFor(admin);
  userCaller = await callerFor(owner);
  deviceId = (await adminCaller.device.create({ ownerId: owner.id, deviceName: "Toko Grup" })).deviceId;
  shop = uniquePhone();
  sandbox.createAccount({ phone: shop, name: "Toko" });
  for (let i = 0; i < 5; i += 1) {
    const phone = uniquePhone();
    sandbox.createAccount({ phone, name: `Anggota ${i}` });
    phones.push(phone);
  }
  await pairByQr(sandbox, userCaller, deviceId, shop);
}, 120_000);

afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});

describe("[GROUP][JOBS] group media jobs", () => {
  it("delivers the photo with its caption to every member of each chosen group; the job lists the groups by subject", async () => {
    const [a, b, c, d, e] = phones as [string, string, string, string, string];
    const arisan = await group("Arisan RT", [a, b]);
    const reseller = await group("Reseller Jabar", [c, d, e, a]);
    runner = startBlastRunner();
    const mediaId = await uploadedMediaId(admin, makePng(), "promo.png");
    const since = eventMark();
    const job = await adminCaller.group.createMediaJob({
      deviceId,
      groupJids: [arisan, reseller],
      message: { kind: "media", mediaId, caption: "Promo akhir tahun" },
      pacing: pacing(0.05),
    });
    expect(job).toMatchObject({ type: "group_media", total: 2, pending: 2, payload: { kind: "media", mediaKind: "image" } });
    expect((await waitForFinished(job.id, since)).data).toMatchObject({ status: "completed", completed: 2, failed: 0 });

    const items = await itemsOf(job.id);
    expect(items.map((i) => [i.recipient, i.name, i.status])).toEqual([
      [arisan, "Arisan RT", "sent"],
      [reseller, "Reseller Jabar", "sent"],
    ]);
    for (const [groupJid, members] of [[arisan, [a, b]], [reseller, [c, d, e, a]]] as const) {
      const message = items.find((i) => i.recipient === groupJid)?.message;
      expect(message).toMatchObject({ chatJid: groupJid, type: "image", content: "Promo akhir tahun" });
      for (const phone of members) {
        const got = await sandbox.waitForGroupMessage(phone, (m) => m.id === message?.waMessageId);
        expect(got, `+${phone} in ${groupJid}`).toMatchObject({ decrypted: true, text: "Promo akhir tahun", from: shop });
        expect(got.media).toBeTruthy();
      }
    }
    // Each member got each group's copy exactly once.
    expect(sandbox.groupMessages(a).filter((m) => m.text === "Promo akhir tahun").length).toBe(2);
    await expect(db().auditLog.findFirst({ where: { actorId: admin.id, action: "job.create", targetId: String(job.id) } })).resolves.toMatchObject({ targetType: "job" });
  });

  it("pauses before the next group, resumes, and a cancel leaves the rest cancelled", async () => {
    const [a, b, c] = phones as [string, string, string];
    const targets = [await group("G1", [a]), await group("G2", [b]), await group("G3", [c]), await group("G4", [a, b]), await group("G5", [b, c])];
    runner = startBlastRunner();
    let since = eventMark();
    const job = await adminCaller.group.createMediaJob({ deviceId, groupJids: targets, message: { kind: "text", text: "Rapat jam 7" }, pacing: pacing(0.4) });
    await waitForJob(job.id, (p) => p.completed >= 1, since);
    expect(await adminCaller.job.pause({ id: job.id })).toMatchObject({ status: "paused", pauseReason: "manual" });
    const sentAtPause = (await itemsOf(job.id)).filter((i) => i.sentAt !== null).length;
    // The lane keeps serving other work while the job is paused: a direct group send goes out, the job's items do not.
    const probe = await adminCaller.group.sendMessage({ deviceId, groupJid: targets[0]!, text: "probe" });
    await sandbox.waitForGroupMessage(a, (m) => m.id === probe.waMessageId);
    expect((await itemsOf(job.id)).filter((i) => i.sentAt !== null).length).toBe(sentAtPause);

    since = eventMark();
    expect(await adminCaller.job.resume({ id: job.id })).toMatchObject({ status: "processing" });
    await waitForJob(job.id, (p) => p.completed >= sentAtPause + 1, since);
    const cancelled = await adminCaller.job.cancel({ id: job.id });
    expect(cancelled.status).toBe("cancelled");
    const items = await itemsOf(job.id);
    const sent = items.filter((i) => i.status === "sent").length;
    expect(sent).toBeGreaterThan(sentAtPause);
    expect(items.filter((i) => i.status === "cancelled").length).toBe(5 - sent);
    for (const item of items.filter((i) => i.status === "cancelled")) expect(item.message).toBeNull();
    const actions = await db().auditLog.findMany({ where: { actorId: admin.id, targetType: "job", targetId: String(job.id) }, orderBy: { id: "asc" } });
    expect(actions.map((r) => r.action)).toEqual(["job.create", "job.pause", "job.resume", "job.cancel"]);
  });

  it("an item for a group the device was removed from fails with the reason; the other groups are sent", async () => {
    const [a, b] = phones as [string, string];
    const stays = await group("Tetap", [a]);
    // A group another phone made, with the device's number in it: its creator can take the number out.
    const created = sandbox.createGroup(b, "Dikeluarkan", [shop]);
    const gone = created.id.endsWith("@g.us") ? created.id : `${created.id}@g.us`;
    await waitUntil(() => db().group.findFirst({ where: { groupJid: gone, device: { deviceId }, isMember: true } }), { sandbox });
    const job = await adminCaller.group.createMediaJob({ deviceId, groupJids: [gone, stays], message: { kind: "text", text: "Info stok" }, pacing: pacing(0) });
    // Before the runner reaches it, the creator removes the device's number from the group.
    sandbox.updateGroupParticipants(b, gone, "remove", [shop]);
    await waitUntil(async () => (await db().group.findFirst({ where: { groupJid: gone, device: { deviceId } } }))?.isMember === false, { sandbox });

    const since = eventMark();
    runner = startBlastRunner();
    expect((await waitForFinished(job.id, since)).data).toMatchObject({ status: "partial", completed: 1, failed: 1 });
    const items = await itemsOf(job.id);
    expect(items.find((i) => i.recipient === gone)).toMatchObject({ status: "failed", error: "The device is no longer a member of this group", message: null });
    expect(items.find((i) => i.recipient === stays)).toMatchObject({ status: "sent" });
    expect(sandbox.groupMessages(b).some((m) => m.text === "Info stok")).toBe(false);
    // A new job to that group is refused up front.
    await expect(adminCaller.group.createMediaJob({ deviceId, groupJids: [gone], message: { kind: "text", text: "x" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no longer a member"),
    });
  });

  it("keeps the sender-key rotation: after a member is removed, the job's message cannot be read by them, the others can", async () => {
    const [a, b, c] = phones as [string, string, string];
    const groupJid = await group("Rotasi", [a, b, c]);
    const before = await adminCaller.group.sendMessage({ deviceId, groupJid, text: "sebelum" });
    await sandbox.waitForGroupMessage(c, (m) => m.id === before.waMessageId && m.decrypted);
    sandbox.listenToGroup(c, groupJid, true);
    await adminCaller.group.removeParticipants({ deviceId, groupJid, participants: [`+${c}`] });

    runner = startBlastRunner();
    const since = eventMark();
    const job = await adminCaller.group.createMediaJob({ deviceId, groupJids: [groupJid], message: { kind: "text", text: "sesudah" }, pacing: pacing(0) });
    await waitForFinished(job.id, since);
    const [item] = await itemsOf(job.id);
    const id = item?.message?.waMessageId;
    expect(await sandbox.waitForGroupMessage(c, (m) => m.id === id)).toMatchObject({ member: false, decrypted: false });
    for (const phone of [a, b]) expect(await sandbox.waitForGroupMessage(phone, (m) => m.id === id)).toMatchObject({ decrypted: true, text: "sesudah" });
  });

  it("is admin only: a user gets FORBIDDEN and no job is written; unknown groups are NOT_FOUND", async () => {
    const [a] = phones as [string];
    const groupJid = await group("Hanya admin", [a]);
    const before = await db().job.count();
    await expect(userCaller.group.createMediaJob({ deviceId, groupJids: [groupJid], message: { kind: "text", text: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adminCaller.group.createMediaJob({ deviceId, groupJids: ["120363000000009999@g.us"], message: { kind: "text", text: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().job.count()).toBe(before);
    const since = eventMark();
    const job = await adminCaller.group.createMediaJob({ deviceId, groupJids: [groupJid], message: { kind: "text", text: "boleh" }, start: { startAt: "2099-01-01T09:00", timezone: "Asia/Jakarta" } });
    expect(job).toMatchObject({ status: "scheduled", total: 1 });
    await waitForEvent("job.progress", (p) => p.jobId === job.id, { since });
  });
});
