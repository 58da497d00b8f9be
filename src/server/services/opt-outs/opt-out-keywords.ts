import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

export const DEFAULT_OPT_OUT_KEYWORDS = ["STOP", "BERHENTI", "UNSUBSCRIBE"] as const;
export const MAX_OPT_OUT_KEYWORDS = 20;
export const MAX_OPT_OUT_KEYWORD_LENGTH = 64;

const ZStored = z.array(z.string());

/** The owner's keywords (User.optOutKeywords), or the defaults when they never changed them. */
export function readOptOutKeywords(value: Prisma.JsonValue | null): string[] {
  const parsed = ZStored.safeParse(value);
  return parsed.success ? parsed.data : [...DEFAULT_OPT_OUT_KEYWORDS];
}

/** Case, surrounding space and trailing punctuation do not matter ("stop!" opts out); other words around it do. */
export function normalizeKeyword(text: string): string {
  return text
    .trim()
    .replace(/[\s.!?,;:]+$/u, "")
    .replace(/\s+/gu, " ")
    .toLocaleUpperCase("en-US");
}

/** The keyword `text` matches, or null. */
export function matchOptOutKeyword(text: string, keywords: readonly string[]): string | null {
  const said = normalizeKeyword(text);
  if (!said) return null;
  return keywords.find((k) => normalizeKeyword(k) === said) ?? null;
}
