import { z } from "zod";
import { ZBotReason } from "@/lib/bot/bot-reason";

export { ZBotReason };
import { zBusinessHours } from "@/lib/bot/business-hours";
import { BOT_OUTCOMES } from "../../../services/bot/bot-types";
import { canonicalTimeZone } from "../../../services/scheduled/zoned-time";

export const MAX_BOT_MESSAGE_LENGTH = 4096;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 64;
export const MAX_RULE_NAME_LENGTH = 100;
export const MAX_PATTERNS = 20;
export const MAX_PATTERN_LENGTH = 500;
export const MAX_HANDOFF_TIMEOUT_MIN = 7 * 24 * 60;
export const MAX_REPLY_DELAY_SEC = 30;

export const zRuleId = z.number({ error: "Choose a rule" }).int().positive("Choose a rule");
export const zHandoffId = z.number({ error: "Choose a hand-off" }).int().positive("Choose a hand-off");

const zTimeZone = z
  .string()
  .trim()
  .max(64, "Time zone name is too long")
  .transform((value, ctx) => {
    const canonical = canonicalTimeZone(value);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: `"${value.slice(0, 64)}" is not a known time zone (e.g. Asia/Jakarta)` });
      return z.NEVER;
    }
    return canonical;
  });

const zBotMessage = z
  .string()
  .max(MAX_BOT_MESSAGE_LENGTH, `A message can be at most ${MAX_BOT_MESSAGE_LENGTH} characters`)
  .transform((v) => (v.trim() === "" ? null : v))
  .nullable();

const zKeywords = z
  .array(z.string().trim().min(1, "A keyword cannot be empty").max(MAX_KEYWORD_LENGTH, `A keyword can be at most ${MAX_KEYWORD_LENGTH} characters`))
  .max(MAX_KEYWORDS, `At most ${MAX_KEYWORDS} keywords`)
  .transform((list) => [...new Set(list)]);

export const ZBotConfigFields = z.object({
  enabled: z.boolean(),
  timezone: zTimeZone,
  businessHours: zBusinessHours,
  welcomeMessage: zBotMessage,
  outOfHoursMessage: zBotMessage,
  handoffKeywords: zKeywords,
  resumeKeywords: zKeywords,
  handoffTimeoutMin: z.number().int().min(1, "The hand-off timeout is at least 1 minute").max(MAX_HANDOFF_TIMEOUT_MIN, "The hand-off timeout is at most 7 days"),
  replyDelaySec: z.number().int().min(0, "The reply delay cannot be negative").max(MAX_REPLY_DELAY_SEC, `The reply delay is at most ${MAX_REPLY_DELAY_SEC} seconds`),
  allowGroups: z.boolean(),
});

const ZHoursOut = z.object({
  weekly: z.array(z.object({ day: z.number().int(), intervals: z.array(z.object({ start: z.string(), end: z.string() })) })),
  closedDates: z.array(z.string()),
});

export const ZBotConfig = z.object({
  deviceId: z.string(),
  enabled: z.boolean(),
  timezone: z.string(),
  businessHours: ZHoursOut,
  welcomeMessage: z.string().nullable(),
  outOfHoursMessage: z.string().nullable(),
  handoffKeywords: z.array(z.string()),
  resumeKeywords: z.array(z.string()),
  handoffTimeoutMin: z.number().int(),
  replyDelaySec: z.number().int(),
  allowGroups: z.boolean(),
  updatedAt: z.date().nullable(),
});

export const zMatchType = z.enum(["keyword", "contains", "exact", "regex"], { error: "Match type is keyword, contains, exact or regex" });
export const zAppliesWhen = z.enum(["always", "in_hours", "out_of_hours"], { error: "Applies is always, in_hours or out_of_hours" });

export const ZRuleFields = z.object({
  name: z.string().trim().min(1, "Give the rule a name").max(MAX_RULE_NAME_LENGTH, `A rule name can be at most ${MAX_RULE_NAME_LENGTH} characters`),
  matchType: zMatchType,
  patterns: z
    .array(z.string().trim().min(1, "A pattern cannot be empty").max(MAX_PATTERN_LENGTH, `A pattern can be at most ${MAX_PATTERN_LENGTH} characters`))
    .min(1, "Add at least one pattern")
    .max(MAX_PATTERNS, `At most ${MAX_PATTERNS} patterns`),
  response: z.string().max(MAX_BOT_MESSAGE_LENGTH, `A reply can be at most ${MAX_BOT_MESSAGE_LENGTH} characters`),
  mediaId: z.number().int().positive("Choose a file").nullable(),
  enabled: z.boolean(),
  appliesWhen: zAppliesWhen,
});

export const ZBotRule = z.object({
  id: z.number().int(),
  name: z.string(),
  matchType: zMatchType,
  patterns: z.array(z.string()),
  response: z.string(),
  mediaId: z.number().int().nullable(),
  priority: z.number().int(),
  enabled: z.boolean(),
  appliesWhen: zAppliesWhen,
});

export const ZHandoff = z.object({
  id: z.number().int(),
  contactJid: z.string(),
  contactName: z.string().nullable(),
  status: z.enum(["active", "ended"]),
  reason: z.string().nullable(),
  endReason: z.string().nullable(),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
});

export const zOutcome = z.enum(BOT_OUTCOMES, { error: "Unknown outcome" });

export const ZBotLog = z.object({
  id: z.number().int(),
  contactJid: z.string(),
  outcome: z.string(),
  reason: z.string(),
  why: ZBotReason.nullable(),
  ruleId: z.number().int().nullable(),
  ruleName: z.string().nullable(),
  replyMessageId: z.number().int().nullable(),
  createdAt: z.date(),
});

export const zChatJid = z
  .string()
  .trim()
  .min(3, "Choose a chat")
  .max(128, "Chat id is too long")
  .regex(/^[^\s@]+@[a-z.]+$/, "Not a chat id");
