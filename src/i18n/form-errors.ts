import type { z } from "zod";
import type { PlainMessageKey, Translate } from "./types";

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Validates form values with a shared zod schema and localises each issue by its code, so the rules live in one place
 * (src/lib/validation.ts) and the words in the catalogs. `overrides` names a message per field for format issues
 * (e.g. the username pattern).
 */
export function validateForm<S extends z.ZodType, F extends string>(
  schema: S,
  values: Record<F, unknown>,
  t: Translate,
  overrides: Partial<Record<F, PlainMessageKey>> = {},
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors<F> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors<F> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || field in errors) continue;
    errors[field as F] = issueMessage(issue, t, overrides[field as F]);
  }
  return { ok: false, errors };
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate, override: PlainMessageKey | undefined): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return t("validation.required");
      return issue.origin === "string" ? t("validation.minChars", { min: Number(issue.minimum) }) : t("validation.invalid");
    case "too_big":
      return issue.origin === "string" ? t("validation.maxChars", { max: Number(issue.maximum) }) : t("validation.invalid");
    case "invalid_format":
      if (override) return translateUntyped(t, override);
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "custom":
      return override ? translateUntyped(t, override) : issue.message;
    default:
      return t("validation.invalid");
  }
}

/** Overrides take no parameters. */
function translateUntyped(t: Translate, key: PlainMessageKey): string {
  return t(key);
}
