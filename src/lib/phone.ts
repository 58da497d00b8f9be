import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength, type CountryCallingCode } from "libphonenumber-js";
import { z } from "zod";

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: string };

const ALLOWED = /^\+?[\d\s().-]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;

const LENGTH_ERRORS: Record<string, string> = {
  NOT_A_NUMBER: "is not a phone number",
  INVALID_COUNTRY: "has an unknown country code",
  TOO_SHORT: "is too short",
  TOO_LONG: "is too long",
  INVALID_LENGTH: "has the wrong number of digits for its country",
};

/** The calling code used for numbers written without one (e.g. "0812…"); DEFAULT_COUNTRY_CODE, 62 unless set. */
export function defaultCallingCode(): string {
  const configured = typeof process === "undefined" ? undefined : process.env.DEFAULT_COUNTRY_CODE;
  return configured && /^\d{1,3}$/.test(configured) ? configured : "62";
}

/**
 * How a number written without "+" is read, given the default calling code (62 here):
 *  - a leading 0 is a national trunk prefix: "0812 3456 7890" → +62 812 3456 7890;
 *  - digits that start with the default calling code and form a possible number when read as international are
 *    international: "62811555666" → +62 811 555 666 (reading it nationally would give the bogus +62 62811555666);
 *  - anything else is national in the default country: "812 3456 7890" → +62 812 3456 7890, "44 20…" → +62 44 20….
 * A number with "+" keeps its own country. Spaces, dashes, dots and parentheses are ignored.
 */
function interpretWithoutPlus(digits: string, callingCode: string): string {
  if (digits.startsWith("0") || !digits.startsWith(callingCode)) return digits;
  try {
    return parsePhoneNumberWithError(`+${digits}`).isPossible() ? `+${digits}` : digits;
  } catch {
    return digits;
  }
}

/**
 * Validates and normalises a phone number to E.164 with the rule above. The server (zPhone) and the browser
 * (the "will send to" preview) both call this, so what the form shows is what is sent.
 * Numbers are checked for plausibility (length per country), not against allocated ranges: WhatsApp decides
 * whether a number exists, and test ranges such as +1 555 must stay usable.
 */
export function parsePhone(input: string, callingCode: string = defaultCallingCode()): PhoneResult {
  const trimmed = input.trim();
  const label = trimmed === "" ? "The phone number" : `"${trimmed.slice(0, 40)}"`;
  if (trimmed === "") return { ok: false, error: "Enter a phone number" };
  if (!ALLOWED.test(trimmed)) return { ok: false, error: `${label} may only contain digits, spaces, '+', '-', '.', '(' and ')'` };
  const text = trimmed.startsWith("+") ? trimmed : interpretWithoutPlus(trimmed.replace(/\D/g, ""), callingCode);
  const options = { defaultCallingCode: callingCode as CountryCallingCode };
  const lengthProblem = validatePhoneNumberLength(text, options);
  if (lengthProblem) return { ok: false, error: `${label} ${LENGTH_ERRORS[lengthProblem] ?? "is not a valid phone number"}` };
  try {
    const parsed = parsePhoneNumberWithError(text, options);
    if (!E164.test(parsed.number)) {
      return { ok: false, error: `${label} ${parsed.number.length > 16 ? "is too long" : "is too short"} for an international number` };
    }
    if (!parsed.isPossible()) return { ok: false, error: `${label} is not a valid phone number` };
    return { ok: true, e164: parsed.number };
  } catch (error) {
    const reason = error instanceof ParseError ? LENGTH_ERRORS[error.message] : undefined;
    return { ok: false, error: `${label} ${reason ?? "is not a valid phone number"}` };
  }
}

/** Like parsePhone, for trusted call sites: throws with the same clear message. */
export function normalizePhone(input: string, callingCode?: string): string {
  const result = parsePhone(input, callingCode);
  if (!result.ok) throw new Error(result.error);
  return result.e164;
}

/** "+6281234567890" → "6281234567890@s.whatsapp.net" (a WhatsApp user jid). */
export function toJid(e164: string): string {
  if (!E164.test(e164)) throw new Error(`"${e164}" is not an E.164 phone number`);
  return `${e164.slice(1)}@s.whatsapp.net`;
}

/** "+6281234567890" → "+62 812-3456-7890" (international format for display); the input unchanged if unparsable. */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}

/** "6281234567890@s.whatsapp.net" or "6281234567890:3@s.whatsapp.net" → "+6281234567890"; null for other jids. */
export function phoneFromJid(jid: string): string | null {
  const match = /^(\d{8,15})(?::\d+)?@s\.whatsapp\.net$/.exec(jid);
  return match ? `+${match[1]}` : null;
}

/** A zod input field that accepts any common way of writing a number and yields E.164. */
export const zPhone = z
  .string({ error: "Enter a phone number" })
  .max(32, "The phone number is too long")
  .transform((value, ctx) => {
    const result = parsePhone(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.e164;
  });
