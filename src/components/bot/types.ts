/** The bot's shapes as the page edits them (the router's contract; the server re-validates everything). */

export type MatchType = "keyword" | "contains" | "exact" | "regex";
export type AppliesWhen = "always" | "in_hours" | "out_of_hours";

export const MATCH_TYPES: readonly MatchType[] = ["keyword", "contains", "exact", "regex"];
export const APPLIES_WHEN: readonly AppliesWhen[] = ["always", "in_hours", "out_of_hours"];

export interface TimeInterval {
  /** "HH:MM"; an end before the start runs past midnight. */
  start: string;
  end: string;
}

export interface DayHours {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  intervals: TimeInterval[];
}

export interface BusinessHours {
  weekly: DayHours[];
  /** "YYYY-MM-DD" dates the business is closed all day. */
  closedDates: string[];
}

export interface BotConfigDraft {
  enabled: boolean;
  timezone: string;
  businessHours: BusinessHours;
  welcomeMessage: string;
  outOfHoursMessage: string;
  handoffKeywords: string[];
  resumeKeywords: string[];
  handoffTimeoutMin: number;
  replyDelaySec: number;
  allowGroups: boolean;
}

export interface RuleDraft {
  name: string;
  matchType: MatchType;
  patterns: string[];
  response: string;
  mediaId: number | null;
  enabled: boolean;
  appliesWhen: AppliesWhen;
}
