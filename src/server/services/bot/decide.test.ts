import { createTranslator } from "@/i18n/translate";
import { botReasonText, parseBotReason } from "@/lib/bot/bot-reason";
import { describe, expect, it } from "vitest";
import type { BotRuleSpec, BotSettings } from "./bot-types";
import { decide, type ContactState, type DecisionInput } from "./decide";

// 2026-12-07 is a Monday. Asia/Jakarta is UTC+7 all year.
const JKT = (local: string) => new Date(`${local}+07:00`);

const SETTINGS: BotSettings = {
  enabled: true,
  timezone: "Asia/Jakarta",
  businessHours: {
    weekly: [
      ...[0, 1, 2, 3, 4].map((day) => ({ day, intervals: [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "17:00" }] })),
      { day: 5, intervals: [{ start: "22:00", end: "02:00" }] },
      { day: 6, intervals: [] },
    ],
    closedDates: ["2026-12-25", "2026-12-19"],
  },
  welcomeMessage: "Selamat datang {{name}}",
  outOfHoursMessage: "Kami sedang tutup",
  handoffKeywords: ["agent", "cs", "manusia"],
  resumeKeywords: ["bot", "selesai"],
  handoffTimeoutMin: 60,
  replyDelaySec: 0,
  allowGroups: false,
};

const rule = (id: number, fields: Partial<BotRuleSpec>): BotRuleSpec => ({
  id,
  name: `r${id}`,
  matchType: "keyword",
  patterns: [],
  response: `reply ${id}`,
  mediaId: null,
  enabled: true,
  appliesWhen: "always",
  ...fields,
});

const RULES: BotRuleSpec[] = [
  rule(1, { name: "price", matchType: "keyword", patterns: ["harga", "price list"] }),
  rule(2, { name: "promo", matchType: "contains", patterns: ["promo"] }),
  rule(3, { name: "menu", matchType: "exact", patterns: ["menu"] }),
  rule(4, { name: "order", matchType: "regex", patterns: ["^order\\s+\\d+$"] }),
  rule(5, { name: "off", matchType: "keyword", patterns: ["mati"], enabled: false }),
  rule(6, { name: "urgent", matchType: "keyword", patterns: ["darurat"], appliesWhen: "out_of_hours" }),
  rule(7, { name: "office", matchType: "keyword", patterns: ["kantor"], appliesWhen: "in_hours" }),
  rule(8, { name: "price-again", matchType: "contains", patterns: ["harga"], mediaId: 42 }),
];

const CONTACT: ContactState = { firstTime: false, activeHandoff: null, lastOutOfHoursPeriod: null, recentReplies: 0 };
const MONDAY_10 = JKT("2026-12-07T10:00:00");

interface Case {
  name: string;
  text?: string | null;
  at?: Date;
  chatJid?: string;
  fromMe?: boolean;
  ageMs?: number;
  settings?: Partial<BotSettings>;
  contact?: Partial<ContactState>;
  expect: { outcome: string; rule?: string | null; reply?: string | null; period?: string | null; expired?: number | null; reason?: RegExp };
}

const CASES: Case[] = [
  // order of checks
  { name: "bot off", settings: { enabled: false }, text: "harga", expect: { outcome: "disabled", reply: null } },
  { name: "own message", fromMe: true, text: "harga", expect: { outcome: "ignored", reason: /this device/ } },
  { name: "status broadcast", chatJid: "status@broadcast", text: "harga", expect: { outcome: "ignored", reason: /broadcast/ } },
  { name: "broadcast list", chatJid: "12345@broadcast", text: "harga", expect: { outcome: "ignored" } },
  { name: "newsletter", chatJid: "1203@newsletter", text: "harga", expect: { outcome: "ignored" } },
  { name: "history older than 5 minutes", ageMs: 6 * 60_000, text: "harga", expect: { outcome: "ignored", reason: /minutes old/ } },
  { name: "a 4-minute-old offline message still counts", ageMs: 4 * 60_000, text: "harga", expect: { outcome: "rule", rule: "price" } },
  { name: "group skipped by default", chatJid: "1203634@g.us", text: "harga", expect: { outcome: "group" } },
  { name: "group answered when allowed", chatJid: "1203634@g.us", settings: { allowGroups: true }, text: "harga", expect: { outcome: "rule", rule: "price" } },
  { name: "active hand-off silences the bot", contact: { activeHandoff: { id: 9, expiresAt: JKT("2026-12-07T11:00:00") } }, text: "harga", expect: { outcome: "in_handoff", reply: null } },
  { name: "resume keyword ends the hand-off", contact: { activeHandoff: { id: 9, expiresAt: JKT("2026-12-07T11:00:00") } }, text: " Selesai ", expect: { outcome: "handoff_ended" } },
  { name: "resume keyword must be the whole message", contact: { activeHandoff: { id: 9, expiresAt: JKT("2026-12-07T11:00:00") } }, text: "belum selesai", expect: { outcome: "in_handoff" } },
  { name: "expired hand-off ends and the bot answers", contact: { activeHandoff: { id: 9, expiresAt: JKT("2026-12-07T09:59:59") } }, text: "harga", expect: { outcome: "rule", rule: "price", expired: 9 } },
  { name: "hand-off at its exact deadline has expired", contact: { activeHandoff: { id: 9, expiresAt: MONDAY_10 } }, text: "halo", expect: { outcome: "no_match", expired: 9 } },
  { name: "hand-off keyword, whole word, any case", text: "Mau bicara dengan CS dong", expect: { outcome: "handoff_started", reason: /"cs"/, reply: null } },
  { name: "hand-off keyword beats a rule", text: "harga? agent please", expect: { outcome: "handoff_started" } },
  { name: "hand-off keyword inside a word does not count", text: "physics homework", expect: { outcome: "no_match" } },
  { name: "hand-off keyword out of hours starts a hand-off", at: JKT("2026-12-07T20:00:00"), text: "manusia", expect: { outcome: "handoff_started" } },
  // business hours
  { name: "before opening", at: JKT("2026-12-07T07:59:00"), text: "harga", expect: { outcome: "out_of_hours", reply: "Kami sedang tutup", period: "2026-12-07 08:00" } },
  { name: "opening minute is open", at: JKT("2026-12-07T08:00:00"), text: "harga", expect: { outcome: "rule", rule: "price" } },
  { name: "last minute before lunch is open", at: JKT("2026-12-07T11:59:59"), text: "harga", expect: { outcome: "rule" } },
  { name: "lunch break (end is exclusive)", at: JKT("2026-12-07T12:00:00"), text: "harga", expect: { outcome: "out_of_hours", period: "2026-12-07 13:00" } },
  { name: "after closing: next opening tomorrow", at: JKT("2026-12-07T17:00:00"), text: "harga", expect: { outcome: "out_of_hours", period: "2026-12-08 08:00" } },
  { name: "Friday evening: next opening is Saturday's overnight interval", at: JKT("2026-12-11T18:00:00"), text: "x", expect: { outcome: "out_of_hours", period: "2026-12-12 22:00" } },
  { name: "overnight interval, before midnight", at: JKT("2026-12-12T23:30:00"), text: "harga", expect: { outcome: "rule" } },
  { name: "overnight interval, after midnight (Sunday)", at: JKT("2026-12-13T01:59:00"), text: "harga", expect: { outcome: "rule" } },
  { name: "overnight interval ends at its end", at: JKT("2026-12-13T02:00:00"), text: "harga", expect: { outcome: "out_of_hours", period: "2026-12-14 08:00" } },
  { name: "closed date (holiday on a Friday)", at: JKT("2026-12-25T10:00:00"), text: "harga", expect: { outcome: "out_of_hours", period: "2026-12-26 22:00" } },
  { name: "closed date closes the overnight interval starting that day", at: JKT("2026-12-19T23:00:00"), text: "x", expect: { outcome: "out_of_hours", period: "2026-12-21 08:00" } },
  { name: "…and its part after midnight", at: JKT("2026-12-20T01:00:00"), text: "x", expect: { outcome: "out_of_hours" } },
  { name: "out-of-hours message once per period, then rules", at: JKT("2026-12-07T20:00:00"), contact: { lastOutOfHoursPeriod: "2026-12-08 08:00" }, text: "harga", expect: { outcome: "rule", rule: "price", reason: /already sent/ } },
  { name: "a new closed period sends it again", at: JKT("2026-12-08T20:00:00"), contact: { lastOutOfHoursPeriod: "2026-12-08 08:00" }, text: "harga", expect: { outcome: "out_of_hours", period: "2026-12-09 08:00" } },
  { name: "no out-of-hours message set: rules answer", at: JKT("2026-12-07T20:00:00"), settings: { outOfHoursMessage: null }, text: "harga", expect: { outcome: "rule" } },
  { name: "nothing ever opens", settings: { businessHours: { weekly: [], closedDates: [] } }, text: "x", expect: { outcome: "out_of_hours", period: "never" } },
  // rules
  { name: "keyword is accent- and case-insensitive", text: "HÁRGÂ nya berapa?", expect: { outcome: "rule", rule: "price", reply: "reply 1" } },
  { name: "multi-word keyword", text: "minta PRICE   list", expect: { outcome: "rule", rule: "price" } },
  { name: "keyword is whole-word only", text: "price listing", expect: { outcome: "no_match" } },
  { name: "a lower rule answers what a higher keyword rule leaves", text: "hargai dia", expect: { outcome: "rule", rule: "price-again" } },
  { name: "contains matches inside words", text: "ada PROMOSI?", expect: { outcome: "rule", rule: "promo" } },
  { name: "exact ignores case and spaces", text: "  Menu ", expect: { outcome: "rule", rule: "menu" } },
  { name: "exact needs the whole message", text: "menu dong", expect: { outcome: "no_match" } },
  { name: "regex", text: "ORDER 1234", expect: { outcome: "rule", rule: "order" } },
  { name: "regex not matching", text: "order abc", expect: { outcome: "no_match" } },
  { name: "disabled rule never matches", text: "mati", expect: { outcome: "no_match" } },
  { name: "out-of-hours rule is skipped in hours", text: "darurat", expect: { outcome: "no_match" } },
  { name: "out-of-hours rule answers out of hours", at: JKT("2026-12-07T20:00:00"), contact: { lastOutOfHoursPeriod: "2026-12-08 08:00" }, text: "darurat", expect: { outcome: "rule", rule: "urgent" } },
  { name: "in-hours rule answers in hours", text: "kantor", expect: { outcome: "rule", rule: "office" } },
  { name: "in-hours rule is skipped out of hours", at: JKT("2026-12-07T20:00:00"), contact: { lastOutOfHoursPeriod: "2026-12-08 08:00" }, text: "kantor", expect: { outcome: "no_match" } },
  { name: "highest priority wins", text: "harga", expect: { outcome: "rule", rule: "price" } },
  { name: "media message without caption", text: null, expect: { outcome: "no_match" } },
  // welcome
  { name: "first-time contact gets the welcome", contact: { firstTime: true }, text: "halo", expect: { outcome: "welcome", reply: "Selamat datang {{name}}" } },
  { name: "a matching rule beats the welcome", contact: { firstTime: true }, text: "harga", expect: { outcome: "rule" } },
  { name: "no welcome message set", contact: { firstTime: true }, settings: { welcomeMessage: null }, text: "halo", expect: { outcome: "no_match" } },
  { name: "out of hours beats the welcome", at: JKT("2026-12-07T20:00:00"), contact: { firstTime: true }, text: "halo", expect: { outcome: "out_of_hours" } },
  // loop guard
  { name: "loop guard stops a rule reply", contact: { recentReplies: 3 }, text: "harga", expect: { outcome: "loop_guard", reply: null, rule: "price", reason: /3 bot replies/ } },
  { name: "loop guard stops the out-of-hours message", at: JKT("2026-12-07T20:00:00"), contact: { recentReplies: 3 }, text: "x", expect: { outcome: "loop_guard", period: null } },
  { name: "under the guard it still answers", contact: { recentReplies: 2 }, text: "harga", expect: { outcome: "rule" } },
  { name: "loop guard leaves non-replies alone", contact: { recentReplies: 5 }, text: "halo", expect: { outcome: "no_match" } },
];

function run(c: Case) {
  const now = c.at ?? MONDAY_10;
  const input: DecisionInput = {
    settings: { ...SETTINGS, ...c.settings },
    rules: RULES,
    message: { chatJid: c.chatJid ?? "6281234567890@s.whatsapp.net", fromMe: c.fromMe ?? false, text: c.text === undefined ? "" : c.text, timestamp: new Date(now.getTime() - (c.ageMs ?? 0)) },
    contact: { ...CONTACT, ...c.contact },
    now,
  };
  return decide(input);
}

describe("[BOT][DECIDE] the decision for an incoming message", () => {
  it.each(CASES)("$name", (c) => {
    const decision = run(c);
    expect(decision.outcome).toBe(c.expect.outcome);
    expect(decision.reason.length).toBeGreaterThan(0);
    if (c.expect.rule !== undefined) expect(decision.rule?.name ?? null).toBe(c.expect.rule);
    if (c.expect.reply !== undefined) expect(decision.reply?.text ?? null).toBe(c.expect.reply);
    if (c.expect.period !== undefined) expect(decision.periodKey).toBe(c.expect.period);
    if (c.expect.expired !== undefined) expect(decision.expiredHandoffId).toBe(c.expect.expired);
    if (c.expect.reason) expect(decision.reason).toMatch(c.expect.reason);
  });

  it.each(CASES)("$name: the reason reads in Indonesian too, every placeholder filled", (c) => {
    const decision = run(c);
    const inIndonesian = botReasonText(createTranslator("id"), decision.why);
    expect(botReasonText(createTranslator("en"), decision.why)).toBe(decision.reason);
    expect(inIndonesian).not.toBe(decision.reason);
    expect(inIndonesian).not.toMatch(/\{\w+\}/);
  });

  it("the loop guard's reason names the reply it held back, in the reader's language", () => {
    const decision = run({ name: "", contact: { recentReplies: 3 }, text: "harga", expect: { outcome: "loop_guard" } });
    expect(botReasonText(createTranslator("id"), decision.why)).toBe(
      'Sudah 3 balasan bot ke kontak ini dalam semenit terakhir; tidak membalas (seharusnya: Cocok dengan aturan "price" (Kata kunci))',
    );
  });

  it("a stored reason that is not valid data is ignored (older log rows show their English text)", () => {
    expect(parseBotReason({ periodKey: "x" })).toBeNull();
    expect(parseBotReason({ why: { key: "nope" } })).toBeNull();
    expect(parseBotReason({ why: { key: "stale", minutes: 7 } })).toEqual({ key: "stale", minutes: 7 });
  });

  it("a rule's file goes with its reply", () => {
    const decision = decide({ settings: SETTINGS, rules: RULES.slice(7), message: { chatJid: "1@s.whatsapp.net", fromMe: false, text: "harga", timestamp: MONDAY_10 }, contact: CONTACT, now: MONDAY_10 });
    expect(decision.reply).toEqual({ text: "reply 8", mediaId: 42 });
  });
});

describe("[BOT][DECIDE] business hours across DST changes", () => {
  // New York: clocks jump from 02:00 EST to 03:00 EDT on Sunday 2026-03-08, and back on Sunday 2026-11-01.
  const ny = (hours: BotSettings["businessHours"]): BotSettings => ({ ...SETTINGS, timezone: "America/New_York", businessHours: hours });
  const weekend = ny({ weekly: [5, 6].map((day) => ({ day, intervals: [{ start: "08:00", end: "17:00" }] })), closedDates: [] });
  const at = (iso: string, settings: BotSettings) =>
    decide({ settings, rules: RULES, message: { chatJid: "1@s.whatsapp.net", fromMe: false, text: "harga", timestamp: new Date(iso) }, contact: CONTACT, now: new Date(iso) });

  it.each([
    { iso: "2026-03-07T12:30:00Z", local: "Sat 07:30 EST", outcome: "out_of_hours", period: "2026-03-07 08:00" },
    { iso: "2026-03-07T13:00:00Z", local: "Sat 08:00 EST", outcome: "rule" },
    { iso: "2026-03-08T12:30:00Z", local: "Sun 08:30 EDT (same UTC time, now open)", outcome: "rule" },
    { iso: "2026-03-08T11:59:00Z", local: "Sun 07:59 EDT", outcome: "out_of_hours" },
    { iso: "2026-03-08T21:00:00Z", local: "Sun 17:00 EDT", outcome: "out_of_hours", period: "2026-03-14 08:00" },
    { iso: "2026-10-31T20:59:00Z", local: "Sat 16:59 EDT", outcome: "rule" },
    { iso: "2026-11-01T12:30:00Z", local: "Sun 07:30 EST after falling back", outcome: "out_of_hours" },
    { iso: "2026-11-01T13:00:00Z", local: "Sun 08:00 EST", outcome: "rule" },
    { iso: "2026-11-01T21:59:00Z", local: "Sun 16:59 EST", outcome: "rule" },
  ])("$local", ({ iso, outcome, period }) => {
    const decision = at(iso, weekend);
    expect(decision.outcome).toBe(outcome);
    if (period) expect(decision.periodKey).toBe(period);
  });

  it("an interval over the skipped hour is shorter, not shifted (01:00–03:00 on the spring-forward night)", () => {
    const night = ny({ weekly: [{ day: 6, intervals: [{ start: "01:00", end: "03:00" }] }], closedDates: [] });
    expect(at("2026-03-08T06:30:00Z", night).outcome).toBe("rule"); // 01:30 EST
    expect(at("2026-03-08T07:00:00Z", night).outcome).toBe("out_of_hours"); // 03:00 EDT: the hour 02:00–03:00 never existed
  });

  it("the repeated hour counts once per wall-clock time (01:00–02:00 on the fall-back night is open twice)", () => {
    const night = ny({ weekly: [{ day: 6, intervals: [{ start: "01:00", end: "02:00" }] }], closedDates: [] });
    expect(at("2026-11-01T05:30:00Z", night).outcome).toBe("rule"); // 01:30 EDT
    expect(at("2026-11-01T06:30:00Z", night).outcome).toBe("rule"); // 01:30 EST
    expect(at("2026-11-01T07:00:00Z", night).outcome).toBe("out_of_hours"); // 02:00 EST
  });
});
