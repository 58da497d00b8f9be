import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { seedDevice } from "../chat/seed";

let me: Caller;
let deviceId: string;

beforeEach(async () => {
  await resetDb();
  const owner = await createUser();
  me = await callerFor(owner);
  deviceId = (await seedDevice(owner.id, "Toko Budi")).deviceId;
});

describe("[BOT][CONFIG] settings, rules and the test console", () => {
  it("a device without a bot shows the defaults; saving keeps what is not given and normalises the hours", async () => {
    expect(await me.bot.getConfig({ deviceId })).toEqual({
      deviceId,
      enabled: false,
      timezone: "Asia/Jakarta",
      businessHours: {
        weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, intervals: day < 5 ? [{ start: "08:00", end: "17:00" }] : [] })),
        closedDates: [],
      },
      welcomeMessage: null,
      outOfHoursMessage: null,
      handoffKeywords: ["agent", "cs", "manusia"],
      resumeKeywords: ["bot", "selesai"],
      handoffTimeoutMin: 60,
      replyDelaySec: 0,
      allowGroups: false,
      updatedAt: null,
    });
    const saved = await me.bot.updateConfig({
      deviceId,
      timezone: "europe/berlin",
      businessHours: { weekly: [{ day: 2, intervals: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] }, { day: 5, intervals: [{ start: "22:00", end: "02:00" }] }], closedDates: ["2026-12-26", "2026-12-25"] },
      welcomeMessage: "  ",
      handoffKeywords: ["agent", "agent", "Operator"],
    });
    expect(saved).toMatchObject({
      enabled: false,
      timezone: "Europe/Berlin",
      welcomeMessage: null,
      handoffKeywords: ["agent", "Operator"],
      resumeKeywords: ["bot", "selesai"],
      businessHours: { closedDates: ["2026-12-25", "2026-12-26"] },
    });
    expect(saved.businessHours.weekly[2]).toEqual({ day: 2, intervals: [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "17:00" }] });
    expect(saved.businessHours.weekly[0]).toEqual({ day: 0, intervals: [] });
    expect(saved.updatedAt).toBeInstanceOf(Date);

    for (const bad of [
      { timezone: "Mars/Olympus" },
      { businessHours: { weekly: [{ day: 7, intervals: [] }], closedDates: [] } },
      { businessHours: { weekly: [{ day: 1, intervals: [{ start: "09:00", end: "09:00" }] }], closedDates: [] } },
      { businessHours: { weekly: [{ day: 1, intervals: [{ start: "24:00", end: "09:00" }] }], closedDates: [] } },
      { businessHours: { weekly: [], closedDates: ["2026-02-30"] } },
      { handoffTimeoutMin: 0 },
      { replyDelaySec: 31 },
    ]) {
      await expect(me.bot.updateConfig({ deviceId, ...bad }), JSON.stringify(bad)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await me.bot.getConfig({ deviceId })).timezone).toBe("Europe/Berlin");
    const activity = await db().activityLog.findMany({ select: { action: true, details: true } });
    expect(activity).toEqual([{ action: "bot.config.update", details: { deviceId, fields: ["timezone", "businessHours", "welcomeMessage", "handoffKeywords"] } }]);
  });

  it("rules keep their order, reorder as a whole, and refuse bad patterns and placeholders", async () => {
    const a = await me.bot.rules.create({ deviceId, name: "A", matchType: "keyword", patterns: ["harga"], response: "A" });
    const b = await me.bot.rules.create({ deviceId, name: "B", matchType: "contains", patterns: ["harga"], response: "B", appliesWhen: "out_of_hours", enabled: false });
    const c = await me.bot.rules.create({ deviceId, name: "C", matchType: "exact", patterns: ["menu"], response: "C {{device}}" });
    expect((await me.bot.rules.list({ deviceId })).map((r) => r.name)).toEqual(["A", "B", "C"]);
    expect(b).toMatchObject({ appliesWhen: "out_of_hours", enabled: false, mediaId: null });

    expect((await me.bot.rules.reorder({ deviceId, ruleIds: [c.id, a.id, b.id] })).map((r) => r.name)).toEqual(["C", "A", "B"]);
    await expect(me.bot.rules.reorder({ deviceId, ruleIds: [c.id, a.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.bot.rules.reorder({ deviceId, ruleIds: [c.id, a.id, a.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await me.bot.rules.list({ deviceId })).map((r) => r.name)).toEqual(["C", "A", "B"]);

    await expect(me.bot.rules.update({ ruleId: a.id, matchType: "regex", patterns: ["(unclosed"] })).rejects.toMatchObject({ message: expect.stringMatching(/missing closing \)/) });
    await expect(me.bot.rules.update({ ruleId: a.id, response: "Halo {{nama}}" })).rejects.toMatchObject({ message: expect.stringMatching(/Unknown variable \{\{nama\}\}/) });
    await expect(me.bot.rules.update({ ruleId: a.id, response: "Halo {{ pay method }}" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await me.bot.rules.update({ ruleId: a.id, name: "A2" })).toMatchObject({ name: "A2", patterns: ["harga"], response: "A" });

    await me.bot.rules.delete({ ruleId: b.id });
    expect((await me.bot.rules.list({ deviceId })).map((r) => r.name)).toEqual(["C", "A2"]);
    await expect(me.bot.rules.delete({ ruleId: b.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the test console decides at a chosen time, fills the reply in, and writes nothing", async () => {
    await me.bot.updateConfig({ deviceId, outOfHoursMessage: "Tutup sampai {{time}}", welcomeMessage: "Selamat datang {{name}}" });
    const rule = await me.bot.rules.create({ deviceId, name: "Harga", matchType: "keyword", patterns: ["harga"], response: "Halo {{name}} dari {{device}}, jam {{time}}" });
    const before = await db().botLog.count();
    // 2026-12-07 is a Monday; the default hours are Mon–Fri 08:00–17:00 in Asia/Jakarta.
    expect(await me.bot.test({ deviceId, text: "HARGA?", at: "2026-12-07T10:15", contactName: "Budi" })).toEqual({
      outcome: "rule",
      reason: expect.stringMatching(/Matched rule "Harga".*bot is off/),
      why: { key: "rule", rule: "Harga", matchType: "keyword", outOfHoursSent: false },
      botOff: true,
      ruleId: rule.id,
      ruleName: "Harga",
      reply: "Halo Budi dari Toko Budi, jam 10:15",
    });
    expect(await me.bot.test({ deviceId, text: "harga", at: "2026-12-07T03:15:00Z" })).toMatchObject({ outcome: "rule", reply: "Halo Contact dari Toko Budi, jam 10:15" });
    expect(await me.bot.test({ deviceId, text: "harga", at: "2026-12-07T18:00" })).toMatchObject({ outcome: "out_of_hours", reply: "Tutup sampai 18:00" });
    expect(await me.bot.test({ deviceId, text: "halo", at: "2026-12-07T09:00", firstTime: true, contactName: "Sari" })).toMatchObject({ outcome: "welcome", reply: "Selamat datang Sari" });
    expect(await me.bot.test({ deviceId, text: "harga", inHandoff: true })).toMatchObject({ outcome: "in_handoff", reply: null });
    expect(await me.bot.test({ deviceId, text: "tolong, mau ke agent" })).toMatchObject({ outcome: "handoff_started", reply: null });
    await expect(me.bot.test({ deviceId, text: "x", at: "tomorrow" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db().botLog.count()).toBe(before);
    expect(await db().handoff.count()).toBe(0);
  });
});
