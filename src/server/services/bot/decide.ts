import { closedPeriodKey, isOpenAt } from "@/lib/bot/business-hours";
import { botReasonText, type BotReasonDetail } from "@/lib/bot/bot-reason";
import { matchesContains, matchesExact, matchesKeyword } from "@/lib/bot/text-match";
import { createTranslator } from "@/i18n/translate";
import {
  MAX_MESSAGE_AGE_MS,
  MAX_REPLIES_PER_MINUTE,
  REPLY_OUTCOMES,
  type BotOutcome,
  type BotRuleSpec,
  type BotSettings,
} from "./bot-types";
import { cachedSafeRegex } from "./safe-regex";

export interface DecisionMessage {
  chatJid: string;
  fromMe: boolean;
  /** The text (or media caption); null for media without one. */
  text: string | null;
  timestamp: Date;
}

/** What the database says about this contact, gathered before deciding. */
export interface ContactState {
  /** No earlier message between the device and this chat. */
  firstTime: boolean;
  activeHandoff: { id: number; expiresAt: Date } | null;
  /** The closed-period key of the last out-of-hours message sent to this contact, if any. */
  lastOutOfHoursPeriod: string | null;
  /** Bot replies to this contact in the last minute. */
  recentReplies: number;
}

export interface DecisionInput {
  settings: BotSettings;
  /** In priority order, first = highest. */
  rules: readonly BotRuleSpec[];
  message: DecisionMessage;
  contact: ContactState;
  now: Date;
}

export interface Decision {
  outcome: BotOutcome;
  /** The reason in English (stored in the log's text column and the hand-off row)… */
  reason: string;
  /** …and as data, for showing it in the reader's language. */
  why: BotReasonDetail;
  rule: { id: number; name: string } | null;
  /** The reply to send (placeholders not yet filled in), with the rule's file. */
  reply: { text: string; mediaId: number | null } | null;
  /** An active hand-off that timed out before this message: it ends ("timeout") whatever the outcome. */
  expiredHandoffId: number | null;
  /** For out_of_hours: the closed period the message went out in. */
  periodKey: string | null;
}

function isBroadcast(jid: string): boolean {
  return jid === "status@broadcast" || jid.endsWith("@broadcast") || jid.endsWith("@newsletter");
}

export function ruleMatches(rule: BotRuleSpec, text: string): boolean {
  return rule.patterns.some((pattern) => {
    switch (rule.matchType) {
      case "keyword":
        return matchesKeyword(text, pattern);
      case "contains":
        return matchesContains(text, pattern);
      case "exact":
        return matchesExact(text, pattern);
      case "regex": {
        const compiled = cachedSafeRegex(pattern);
        return compiled.ok && compiled.regex.find(text);
      }
    }
  });
}

/**
 * The bot's decision for one incoming message, with a reason for every outcome. Checks, in order: bot off; own,
 * status/broadcast and stale messages; groups (unless allowed); an active hand-off (a resume keyword ends it); a
 * hand-off keyword; out of hours (the out-of-hours message once per closed period); the highest-priority matching
 * rule; a first-time contact's welcome; else nothing. Any reply is then held to the loop guard. Pure: no I/O.
 */
export function decide(input: DecisionInput): Decision {
  const decision = decideWhy(input);
  return { ...decision, reason: botReasonText(english, decision.why) };
}

const english = createTranslator("en");

function decideWhy(input: DecisionInput): Omit<Decision, "reason"> {
  const { settings, message, contact, now } = input;
  const base = { rule: null, reply: null, expiredHandoffId: null, periodKey: null };
  const text = message.text ?? "";

  if (!settings.enabled) return { ...base, outcome: "disabled", why: { key: "disabled" } };
  if (message.fromMe) return { ...base, outcome: "ignored", why: { key: "ownMessage" } };
  if (isBroadcast(message.chatJid)) return { ...base, outcome: "ignored", why: { key: "broadcast" } };
  const age = now.getTime() - message.timestamp.getTime();
  if (age > MAX_MESSAGE_AGE_MS) {
    return { ...base, outcome: "ignored", why: { key: "stale", minutes: Math.round(age / 60_000) } };
  }
  if (message.chatJid.endsWith("@g.us") && !settings.allowGroups) {
    return { ...base, outcome: "group", why: { key: "groupsOff" } };
  }

  let expiredHandoffId: number | null = null;
  if (contact.activeHandoff) {
    if (contact.activeHandoff.expiresAt.getTime() > now.getTime()) {
      const resume = settings.resumeKeywords.find((k) => matchesExact(text, k));
      if (resume) return { ...base, outcome: "handoff_ended", why: { key: "resumeKeyword", keyword: resume } };
      return { ...base, outcome: "in_handoff", why: { key: "inHandoff" } };
    }
    expiredHandoffId = contact.activeHandoff.id;
  }
  const withExpiry = { ...base, expiredHandoffId };

  const handoffKeyword = settings.handoffKeywords.find((k) => matchesKeyword(text, k));
  if (handoffKeyword) {
    return { ...withExpiry, outcome: "handoff_started", why: { key: "handoffKeyword", keyword: handoffKeyword } };
  }

  const open = isOpenAt(now, settings.timezone, settings.businessHours);
  const decision = ((): Omit<Decision, "reason"> & { why: Exclude<BotReasonDetail, { key: "loopGuard" }> } => {
    let outOfHoursSent = false;
    if (!open) {
      const periodKey = closedPeriodKey(now, settings.timezone, settings.businessHours);
      if (settings.outOfHoursMessage && contact.lastOutOfHoursPeriod !== periodKey) {
        return {
          ...withExpiry,
          outcome: "out_of_hours",
          why: periodKey === "never" ? { key: "outOfHoursNever" } : { key: "outOfHours", next: periodKey },
          reply: { text: settings.outOfHoursMessage, mediaId: null },
          periodKey,
        };
      }
      outOfHoursSent = Boolean(settings.outOfHoursMessage);
    }
    const window = open ? "in_hours" : "out_of_hours";
    const rule = input.rules.find((r) => r.enabled && (r.appliesWhen === "always" || r.appliesWhen === window) && ruleMatches(r, text));
    if (rule) {
      return {
        ...withExpiry,
        outcome: "rule",
        why: { key: "rule", rule: rule.name, matchType: rule.matchType, outOfHoursSent },
        rule: { id: rule.id, name: rule.name },
        reply: { text: rule.response, mediaId: rule.mediaId },
      };
    }
    if (contact.firstTime && settings.welcomeMessage) {
      return { ...withExpiry, outcome: "welcome", why: { key: "welcome", outOfHoursSent }, reply: { text: settings.welcomeMessage, mediaId: null } };
    }
    return { ...withExpiry, outcome: "no_match", why: { key: "noMatch", outOfHoursSent } };
  })();

  if (REPLY_OUTCOMES.includes(decision.outcome) && contact.recentReplies >= MAX_REPLIES_PER_MINUTE) {
    return {
      ...decision,
      outcome: "loop_guard",
      why: { key: "loopGuard", count: contact.recentReplies, wouldHaveBeen: decision.why },
      reply: null,
      periodKey: null,
    };
  }
  return decision;
}
