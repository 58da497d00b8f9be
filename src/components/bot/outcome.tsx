"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useT } from "@/i18n/provider";
import type { PlainMessageKey } from "@/i18n/types";

/** The decision outcomes the server logs, with a colour and a label each. */
export const OUTCOMES = {
  rule: { tone: "success", label: "bot.outcome.rule" },
  welcome: { tone: "primary", label: "bot.outcome.welcome" },
  out_of_hours: { tone: "warning", label: "bot.outcome.out_of_hours" },
  handoff_started: { tone: "info", label: "bot.outcome.handoff_started" },
  handoff_ended: { tone: "info", label: "bot.outcome.handoff_ended" },
  in_handoff: { tone: "info", label: "bot.outcome.in_handoff" },
  no_match: { tone: "neutral", label: "bot.outcome.no_match" },
  disabled: { tone: "neutral", label: "bot.outcome.disabled" },
  ignored: { tone: "neutral", label: "bot.outcome.ignored" },
  group: { tone: "neutral", label: "bot.outcome.group" },
  loop_guard: { tone: "danger", label: "bot.outcome.loop_guard" },
} as const satisfies Record<string, { tone: BadgeTone; label: PlainMessageKey }>;

export type Outcome = keyof typeof OUTCOMES;

export function isKnownOutcome(outcome: string): outcome is Outcome {
  return outcome in OUTCOMES;
}

export function useOutcomeLabel(): (outcome: string) => string {
  const t = useT();
  return (outcome) => (isKnownOutcome(outcome) ? t(OUTCOMES[outcome].label) : outcome);
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const label = useOutcomeLabel();
  const tone: BadgeTone = isKnownOutcome(outcome) ? OUTCOMES[outcome].tone : "neutral";
  return (
    <Badge tone={tone} data-testid="outcome-badge" data-outcome={outcome}>
      {label(outcome)}
    </Badge>
  );
}
