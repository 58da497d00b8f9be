import type { BusinessHours } from "@/lib/bot/business-hours";

export type BotMatchKind = "keyword" | "contains" | "exact" | "regex";
export type BotRuleWindowKind = "always" | "in_hours" | "out_of_hours";

export interface BotSettings {
  enabled: boolean;
  timezone: string;
  businessHours: BusinessHours;
  welcomeMessage: string | null;
  outOfHoursMessage: string | null;
  handoffKeywords: string[];
  resumeKeywords: string[];
  handoffTimeoutMin: number;
  replyDelaySec: number;
  allowGroups: boolean;
}

export interface BotRuleSpec {
  id: number;
  name: string;
  matchType: BotMatchKind;
  patterns: string[];
  response: string;
  mediaId: number | null;
  enabled: boolean;
  appliesWhen: BotRuleWindowKind;
}

/** Every outcome the decision can reach, in the order it checks them. */
export const BOT_OUTCOMES = [
  "disabled",
  "ignored",
  "group",
  "in_handoff",
  "handoff_ended",
  "handoff_started",
  "out_of_hours",
  "rule",
  "welcome",
  "no_match",
  "loop_guard",
] as const;

export type BotOutcome = (typeof BOT_OUTCOMES)[number];

/** Outcomes that send a reply (unless the loop guard stops them). */
export const REPLY_OUTCOMES: readonly BotOutcome[] = ["out_of_hours", "rule", "welcome"];

export const DEFAULT_HANDOFF_KEYWORDS = ["agent", "cs", "manusia"];
export const DEFAULT_RESUME_KEYWORDS = ["bot", "selesai"];

/** Messages older than this when they reach us (history sync, offline backlog) get no bot reply. */
export const MAX_MESSAGE_AGE_MS = 5 * 60_000;
/** Loop guard: at most this many bot replies to one contact per minute (two bots answering each other). */
export const MAX_REPLIES_PER_MINUTE = 3;
