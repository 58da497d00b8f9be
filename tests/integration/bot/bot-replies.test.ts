import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { endExpiredHandoffs } from "../../../src/server/services/bot/handoffs";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { makePng, sha256 } from "../../helpers/media-files";
import { uploadedMediaId } from "../../helpers/media-upload";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent, waitForStatus } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let owner: TestUser;
let admin: TestUser;
let me: Caller;
let device: { id: number; deviceId: string; ownerId: number };
let devicePhone: string;

const ALWAYS_OPEN = { weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, intervals: [{ start: "00:00", end: "24:00" }] })), closedDates: [] };
const NEVER_OPEN = { weekly: [], closedDates: [] };

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await createUser("admin");
  owner = await createUser("user");
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  devicePhone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, devicePhone);
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

function contact(name = "Sari"): string {
  const phone = uniquePhone();
  sandbox.createAccount({ phone, name });
  return phone;
}

const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

/** The bot's decision for the contact's next message (each message gets exactly one logged decision). */
async function decisionFor(phone: string, text: string): Promise<{ outcome: string; reason: string; replyMessageId: number | null }> {
  const since = eventBus().lastId;
  await sandbox.sendText(phone, devicePhone, text);
  const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.fromJid === jidOf(phone) && d.content === text, { since });
  // The bot runs right after the message is stored, in the same queue: its log row follows the message row.
  for (;;) {
    const log = await db().botLog.findFirst({ where: { messageId: received.data.messageId }, select: { decision: true, reason: true, replyMessageId: true } });
    if (log) return { outcome: log.decision, reason: log.reason, replyMessageId: log.replyMessageId };
    await waitForEvent("message.received", () => true, { since: eventBus().lastId, timeoutMs: 200 }).catch(() => undefined);
  }
}

describe("[BOT] auto-replies through the sandbox", () => {
  it("a keyword gets the rule's reply on the contact's phone, stored as sent by the bot", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN });
    const rule = await me.bot.rules.create({ deviceId: device.deviceId, name: "Harga", matchType: "keyword", patterns: ["harga"], response: "Halo {{name}}, harga mulai 10rb ({{device}})" });
    const sari = contact("Sari");
    const decision = await decisionFor(sari, "Berapa HARGA-nya kak?");
    expect(decision).toMatchObject({ outcome: "rule" });
    await sandbox.waitForInbox(sari, (m) => m.text === "Halo Sari, harga mulai 10rb (Toko Budi)");
    // The reply row is stored (and named on the decision's log row, in one transaction) before it goes out.
    const { replyMessageId } = await db().botLog.findFirstOrThrow({ where: { decision: "rule" }, select: { replyMessageId: true } });
    const reply = await db().message.findUniqueOrThrow({ where: { id: replyMessageId ?? -1 }, select: { origin: true, direction: true, chatJid: true } });
    expect(reply).toEqual({ origin: "bot", direction: "outgoing", chatJid: jidOf(sari) });

    const logs = await me.bot.logs({ deviceId: device.deviceId, outcome: "rule" });
    expect(logs.items).toMatchObject([{ contactJid: jidOf(sari), ruleId: rule.id, ruleName: "Harga", replyMessageId }]);
    const stats = await me.bot.stats({ deviceId: device.deviceId, days: 1 });
    expect(stats.days.at(-1)).toMatchObject({ replies: 1 });
    expect(stats.byRule).toEqual([{ ruleId: rule.id, ruleName: "Harga", replies: 1 }]);
  });

  it("a rule's file goes out with its reply as the caption; another user's file is refused at save", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN });
    const png = makePng(30, 20);
    const mediaId = await uploadedMediaId(owner, png, "katalog.png");
    const strangersFile = await uploadedMediaId(await createUser(), makePng(10, 10), "x.png");
    await expect(
      me.bot.rules.create({ deviceId: device.deviceId, name: "Katalog", matchType: "keyword", patterns: ["katalog"], response: "x", mediaId: strangersFile }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(me.bot.rules.create({ deviceId: device.deviceId, name: "Empty", matchType: "keyword", patterns: ["x"], response: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const rule = await me.bot.rules.create({ deviceId: device.deviceId, name: "Katalog", matchType: "keyword", patterns: ["katalog"], response: "Katalog untuk {{name}}", mediaId });
    expect(rule.mediaId).toBe(mediaId);
    const joko = contact("Joko");
    expect(await decisionFor(joko, "minta katalog")).toMatchObject({ outcome: "rule" });
    const received = await sandbox.waitForInbox(joko, (m) => m.media !== undefined);
    expect(received.media).toMatchObject({ kind: "image", sha256: sha256(png), caption: "Katalog untuk Joko" });
  });

  it("with a reply delay the bot shows typing first and still replies", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN, replyDelaySec: 1 });
    await me.bot.rules.create({ deviceId: device.deviceId, name: "Ping", matchType: "exact", patterns: ["ping"], response: "pong {{time}}" });
    const ira = contact("Ira");
    expect(await decisionFor(ira, "ping")).toMatchObject({ outcome: "rule" });
    const reply = await sandbox.waitForInbox(ira, (m) => m.text.startsWith("pong "));
    expect(reply.text).toMatch(/^pong \d{2}:\d{2}$/);
  });

  it("out of hours: the out-of-hours message once per closed period; a first-time welcome otherwise", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: NEVER_OPEN, outOfHoursMessage: "Kami tutup, {{name}}", welcomeMessage: "Selamat datang!" });
    const budi = contact("Budi");
    expect(await decisionFor(budi, "halo")).toMatchObject({ outcome: "out_of_hours" });
    await sandbox.waitForInbox(budi, (m) => m.text === "Kami tutup, Budi");
    expect(await decisionFor(budi, "halo lagi")).toMatchObject({ outcome: "no_match", reason: expect.stringMatching(/already sent/) });
    expect(sandbox.inbox(budi).map((m) => m.text)).toEqual(["Kami tutup, Budi"]);

    await me.bot.updateConfig({ deviceId: device.deviceId, businessHours: ALWAYS_OPEN });
    const ani = contact("Ani");
    expect(await decisionFor(ani, "pagi")).toMatchObject({ outcome: "welcome" });
    await sandbox.waitForInbox(ani, (m) => m.text === "Selamat datang!");
    expect(await decisionFor(ani, "pagi lagi")).toMatchObject({ outcome: "no_match" });
  });

  it("a hand-off keyword silences the bot until the owner returns the chat; then the bot answers again", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN });
    await me.bot.rules.create({ deviceId: device.deviceId, name: "Harga", matchType: "contains", patterns: ["harga"], response: "Harga 10rb" });
    const dewi = contact("Dewi");
    const since = eventBus().lastId;
    expect(await decisionFor(dewi, "mau bicara dengan manusia")).toMatchObject({ outcome: "handoff_started" });
    const started = await waitForEvent("bot.handoff", (d) => d.contactJid === jidOf(dewi) && d.status === "started", { since });
    expect(started.scope).toEqual({ ownerId: owner.id });
    expect(await me.bot.handoffs.activeCounts()).toEqual([{ deviceId: device.deviceId, active: 1 }]);
    expect(await (await callerFor(await createUser())).bot.handoffs.activeCounts()).toEqual([]);
    const active = await me.bot.handoffs.forChat({ deviceId: device.deviceId, chatJid: jidOf(dewi) });
    expect(active).toMatchObject({ id: started.data.handoffId, status: "active", contactName: "Dewi" });

    expect(await decisionFor(dewi, "harga?")).toMatchObject({ outcome: "in_handoff" });
    expect(sandbox.inbox(dewi)).toEqual([]);

    const endMark = eventBus().lastId;
    const resumed = await me.bot.handoffs.resume({ handoffId: started.data.handoffId });
    expect(resumed).toMatchObject({ status: "ended", endReason: "manual" });
    await waitForEvent("bot.handoff", (d) => d.handoffId === started.data.handoffId && d.status === "ended" && d.endReason === "manual", { since: endMark });
    expect(await me.bot.handoffs.forChat({ deviceId: device.deviceId, chatJid: jidOf(dewi) })).toBeNull();
    expect(await decisionFor(dewi, "harga?")).toMatchObject({ outcome: "rule" });
    await sandbox.waitForInbox(dewi, (m) => m.text === "Harga 10rb");
    expect((await me.bot.handoffs.list({ deviceId: device.deviceId, status: "ended" })).map((h) => h.id)).toEqual([started.data.handoffId]);
    const activity = await db().activityLog.findMany({ where: { userId: owner.id, action: { startsWith: "bot." } }, select: { action: true } });
    expect(activity.map((a) => a.action)).toEqual(["bot.config.update", "bot.rule.create", "bot.handoff.resume"]);

    // The contact's own resume keyword ends a hand-off too.
    expect(await decisionFor(dewi, "CS")).toMatchObject({ outcome: "handoff_started" });
    expect(await decisionFor(dewi, "Selesai")).toMatchObject({ outcome: "handoff_ended" });
    expect(await me.bot.handoffs.list({ deviceId: device.deviceId, status: "active" })).toEqual([]);
  });

  it("the timeout ends a hand-off (periodic sweep, or the contact's next message); a restart keeps an active one", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN, handoffTimeoutMin: 30 });
    await me.bot.rules.create({ deviceId: device.deviceId, name: "Halo", matchType: "exact", patterns: ["halo"], response: "Halo juga" });
    const [eka, fajar] = [contact("Eka"), contact("Fajar")];
    expect(await decisionFor(eka, "agent")).toMatchObject({ outcome: "handoff_started" });
    expect(await decisionFor(fajar, "agent")).toMatchObject({ outcome: "handoff_started" });

    // A restart: the connection manager goes away and comes back; the hand-offs live in the database.
    await stopTestManager(manager);
    const mark = eventBus().lastId;
    manager = startTestManager(sandbox);
    await manager.restoreAll();
    await waitForStatus(device.deviceId, "connected", mark);
    expect(await decisionFor(eka, "halo")).toMatchObject({ outcome: "in_handoff" });
    expect(sandbox.inbox(eka)).toEqual([]);

    // Time passes (the deadline is moved instead of waiting 30 minutes): the sweep ends Eka's hand-off.
    await db().handoff.updateMany({ where: { contactJid: jidOf(eka) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const sweepMark = eventBus().lastId;
    expect(await endExpiredHandoffs()).toBe(1);
    await waitForEvent("bot.handoff", (d) => d.contactJid === jidOf(eka) && d.status === "ended" && d.endReason === "timeout", { since: sweepMark });
    expect(await decisionFor(eka, "halo")).toMatchObject({ outcome: "rule" });
    await sandbox.waitForInbox(eka, (m) => m.text === "Halo juga");

    // Fajar's expired before any sweep ran: his next message ends it and is answered.
    await db().handoff.updateMany({ where: { contactJid: jidOf(fajar) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await decisionFor(fajar, "halo")).toMatchObject({ outcome: "rule" });
    await sandbox.waitForInbox(fajar, (m) => m.text === "Halo juga");
    const ended = await me.bot.handoffs.list({ deviceId: device.deviceId, status: "ended" });
    expect(ended.map((h) => h.endReason).sort()).toEqual(["timeout", "timeout"]);
  });

  it("a catastrophic regex cannot block the event loop; an invalid one is refused at save", async () => {
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN });
    await expect(me.bot.rules.create({ deviceId: device.deviceId, name: "Bad", matchType: "regex", patterns: ["(a"], response: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/missing closing \)/),
    });
    await expect(me.bot.rules.create({ deviceId: device.deviceId, name: "Lookahead", matchType: "regex", patterns: ["(?=a)"], response: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await me.bot.rules.list({ deviceId: device.deviceId })).toEqual([]);

    await me.bot.rules.create({ deviceId: device.deviceId, name: "Evil", matchType: "regex", patterns: ["(a+)+$", "^(x+x+)+y$"], response: "never" });
    await me.bot.rules.create({ deviceId: device.deviceId, name: "Ping", matchType: "exact", patterns: ["ping"], response: "pong" });
    const gita = contact("Gita");
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // A backtracking engine would need about 2^20000 steps for each of these.
    expect(await decisionFor(gita, `${"a".repeat(20_000)}!`)).toMatchObject({ outcome: "no_match" });
    expect(await decisionFor(gita, `${"x".repeat(20_000)}`)).toMatchObject({ outcome: "no_match" });
    delay.disable();
    // Generous for a loaded machine: a backtracking engine would not finish these inputs at all.
    expect(delay.max / 1e6).toBeLessThan(10_000);
    expect(await decisionFor(gita, "ping")).toMatchObject({ outcome: "rule" });
    await sandbox.waitForInbox(gita, (m) => m.text === "pong");
    expect(sandbox.inbox(gita).map((m) => m.text)).toEqual(["pong"]);
  });

  it("another user cannot read or change the bot of a device they do not own (NOT_FOUND); an admin can, and is audited", async () => {
    const rule = await me.bot.rules.create({ deviceId: device.deviceId, name: "Harga", matchType: "keyword", patterns: ["harga"], response: "10rb" });
    const hana = contact("Hana");
    await me.bot.updateConfig({ deviceId: device.deviceId, enabled: true, businessHours: ALWAYS_OPEN });
    expect(await decisionFor(hana, "agent")).toMatchObject({ outcome: "handoff_started" });
    const handoff = (await me.bot.handoffs.list({ deviceId: device.deviceId }))[0]!;

    const other = await callerFor(await createUser());
    const d = { deviceId: device.deviceId };
    const refused = [
      () => other.bot.getConfig(d),
      () => other.bot.updateConfig({ ...d, enabled: false }),
      () => other.bot.rules.list(d),
      () => other.bot.rules.create({ ...d, name: "x", matchType: "exact", patterns: ["x"], response: "x" }),
      () => other.bot.rules.update({ ruleId: rule.id, response: "hacked" }),
      () => other.bot.rules.delete({ ruleId: rule.id }),
      () => other.bot.rules.reorder({ ...d, ruleIds: [rule.id] }),
      () => other.bot.test({ ...d, text: "harga" }),
      () => other.bot.handoffs.list(d),
      () => other.bot.handoffs.forChat({ ...d, chatJid: jidOf(hana) }),
      () => other.bot.handoffs.resume({ handoffId: handoff.id }),
      () => other.bot.logs(d),
      () => other.bot.stats(d),
    ];
    for (const call of refused) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await me.bot.rules.list(d)).toMatchObject([{ id: rule.id, response: "10rb" }]);
    expect(await me.bot.getConfig(d)).toMatchObject({ enabled: true });
    expect(await me.bot.handoffs.forChat({ ...d, chatJid: jidOf(hana) })).toMatchObject({ id: handoff.id, status: "active" });

    const asAdmin = await callerFor(admin);
    await asAdmin.bot.rules.update({ ruleId: rule.id, response: "12rb" });
    const audit = await db().auditLog.findMany({ where: { actorId: admin.id }, select: { action: true, targetId: true } });
    expect(audit).toContainEqual({ action: "bot.rule.update", targetId: device.deviceId });
  });
});
