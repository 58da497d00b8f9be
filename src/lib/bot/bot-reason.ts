import { z } from "zod";
import type { Translate } from "@/i18n/types";

/**
 * Why the bot did what it did, as data: the log and the test console show it in the reader's language, and the
 * stored English `reason` text is made from the same messages.
 */
const MATCH_KINDS = ["keyword", "contains", "exact", "regex"] as const;

const ZSimpleReason = z.discriminatedUnion("key", [
  z.object({ key: z.literal("disabled") }),
  z.object({ key: z.literal("ownMessage") }),
  z.object({ key: z.literal("broadcast") }),
  z.object({ key: z.literal("stale"), minutes: z.number().int() }),
  z.object({ key: z.literal("groupsOff") }),
  z.object({ key: z.literal("resumeKeyword"), keyword: z.string() }),
  z.object({ key: z.literal("inHandoff") }),
  z.object({ key: z.literal("handoffKeyword"), keyword: z.string() }),
  z.object({ key: z.literal("outOfHoursNever") }),
  z.object({ key: z.literal("outOfHours"), next: z.string() }),
  z.object({ key: z.literal("rule"), rule: z.string(), matchType: z.enum(MATCH_KINDS), outOfHoursSent: z.boolean() }),
  z.object({ key: z.literal("welcome"), outOfHoursSent: z.boolean() }),
  z.object({ key: z.literal("noMatch"), outOfHoursSent: z.boolean() }),
]);

export const ZBotReason = z.union([
  ZSimpleReason,
  z.object({ key: z.literal("loopGuard"), count: z.number().int(), wouldHaveBeen: ZSimpleReason }),
]);

export type BotReasonDetail = z.infer<typeof ZBotReason>;
type SimpleReason = z.infer<typeof ZSimpleReason>;

/** A stored log row's reason detail, or null for rows written before reasons were stored as data. */
export function parseBotReason(details: unknown): BotReasonDetail | null {
  if (typeof details !== "object" || details === null || !("why" in details)) return null;
  const parsed = ZBotReason.safeParse(details.why);
  return parsed.success ? parsed.data : null;
}

function simpleReasonText(t: Translate, reason: SimpleReason): string {
  const withNote = (text: string, sent: boolean) => (sent ? t("bot.reasons.outOfHoursSentNote", { reason: text }) : text);
  switch (reason.key) {
    case "disabled":
      return t("bot.reasons.disabled");
    case "ownMessage":
      return t("bot.reasons.ownMessage");
    case "broadcast":
      return t("bot.reasons.broadcast");
    case "stale":
      return t("bot.reasons.stale", { minutes: reason.minutes });
    case "groupsOff":
      return t("bot.reasons.groupsOff");
    case "resumeKeyword":
      return t("bot.reasons.resumeKeyword", { keyword: reason.keyword });
    case "inHandoff":
      return t("bot.reasons.inHandoff");
    case "handoffKeyword":
      return t("bot.reasons.handoffKeyword", { keyword: reason.keyword });
    case "outOfHoursNever":
      return t("bot.reasons.outOfHoursNever");
    case "outOfHours":
      return t("bot.reasons.outOfHours", { next: reason.next });
    case "rule":
      return withNote(t("bot.reasons.rule", { rule: reason.rule, matchType: t(`bot.matchType.${reason.matchType}`) }), reason.outOfHoursSent);
    case "welcome":
      return withNote(t("bot.reasons.welcome"), reason.outOfHoursSent);
    case "noMatch":
      return withNote(t("bot.reasons.noMatch"), reason.outOfHoursSent);
  }
}

export function botReasonText(t: Translate, reason: BotReasonDetail): string {
  if (reason.key === "loopGuard") {
    return t("bot.reasons.loopGuard", { count: reason.count, wouldHaveBeen: simpleReasonText(t, reason.wouldHaveBeen) });
  }
  return simpleReasonText(t, reason);
}
