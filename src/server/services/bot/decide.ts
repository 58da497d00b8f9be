import { closedPeriodKey, isOpenAt } from "@/lib/bot/business-hours";
import { matchesContains, matchesExact, matchesKeyword } from "@/lib/bot/text-match";
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
  reason: string;
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
  const { settings, message, contact, now } = input;
  const base = { rule: null, reply: null, expiredHandoffId: null, periodKey: null };
  const text = message.text ?? "";

  if (!settings.enabled) return { ...base, outcome: "disabled", reason: "The bot is switched off for this device" };
  if (message.fromMe) return { ...base, outcome: "ignored", reason: "Sent from this device, not by a contact" };
  if (isBroadcast(message.chatJid)) return { ...base, outcome: "ignored", reason: "Status updates and broadcasts get no replies" };
  const age = now.getTime() - message.timestamp.getTime();
  if (age > MAX_MESSAGE_AGE_MS) {
    return { ...base, outcome: "ignored", reason: `The message is ${Math.round(age / 60_000)} minutes old (history or offline backlog)` };
  }
  if (message.chatJid.endsWith("@g.us") && !settings.allowGroups) {
    return { ...base, outcome: "group", reason: "Group chats are off for the bot" };
  }

  let expiredHandoffId: number | null = null;
  if (contact.activeHandoff) {
    if (contact.activeHandoff.expiresAt.getTime() > now.getTime()) {
      const resume = settings.resumeKeywords.find((k) => matchesExact(text, k));
      if (resume) return { ...base, outcome: "handoff_ended", reason: `Resume keyword "${resume}": the bot takes the chat back` };
      return { ...base, outcome: "in_handoff", reason: "A person is handling this chat; the bot stays quiet" };
    }
    expiredHandoffId = contact.activeHandoff.id;
  }
  const withExpiry = { ...base, expiredHandoffId };

  const handoffKeyword = settings.handoffKeywords.find((k) => matchesKeyword(text, k));
  if (handoffKeyword) {
    return { ...withExpiry, outcome: "handoff_started", reason: `Hand-off keyword "${handoffKeyword}": a person takes over` };
  }

  const open = isOpenAt(now, settings.timezone, settings.businessHours);
  const decision = ((): Decision => {
    let outOfHoursNote = "";
    if (!open) {
      const periodKey = closedPeriodKey(now, settings.timezone, settings.businessHours);
      if (settings.outOfHoursMessage && contact.lastOutOfHoursPeriod !== periodKey) {
        return {
          ...withExpiry,
          outcome: "out_of_hours",
          reason: periodKey === "never" ? "Outside business hours (no opening scheduled)" : `Outside business hours; next opening ${periodKey}`,
          reply: { text: settings.outOfHoursMessage, mediaId: null },
          periodKey,
        };
      }
      outOfHoursNote = settings.outOfHoursMessage ? " (out-of-hours message already sent this period)" : "";
    }
    const window = open ? "in_hours" : "out_of_hours";
    const rule = input.rules.find((r) => r.enabled && (r.appliesWhen === "always" || r.appliesWhen === window) && ruleMatches(r, text));
    if (rule) {
      return {
        ...withExpiry,
        outcome: "rule",
        reason: `Matched rule "${rule.name}" (${rule.matchType})${outOfHoursNote}`,
        rule: { id: rule.id, name: rule.name },
        reply: { text: rule.response, mediaId: rule.mediaId },
      };
    }
    if (contact.firstTime && settings.welcomeMessage) {
      return { ...withExpiry, outcome: "welcome", reason: `First message from this contact${outOfHoursNote}`, reply: { text: settings.welcomeMessage, mediaId: null } };
    }
    return { ...withExpiry, outcome: "no_match", reason: `No rule matched${outOfHoursNote}` };
  })();

  if (REPLY_OUTCOMES.includes(decision.outcome) && contact.recentReplies >= MAX_REPLIES_PER_MINUTE) {
    return {
      ...decision,
      outcome: "loop_guard",
      reason: `Already ${contact.recentReplies} bot replies to this contact in the last minute; not replying (would have been: ${decision.reason})`,
      reply: null,
      periodKey: null,
    };
  }
  return decision;
}
