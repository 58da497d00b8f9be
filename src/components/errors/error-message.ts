import { TRPCClientError } from "@trpc/client";
import type { Translate } from "@/i18n/types";
import { knownSendFailure } from "@/lib/send-failures";

interface ErrorData {
  code?: string;
  zodError?: { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null;
  appErrorCode?: string | null;
}

function errorData(error: unknown): ErrorData | undefined {
  if (error instanceof TRPCClientError) return (error.data ?? undefined) as ErrorData | undefined;
  return undefined;
}

/** One readable sentence for any error from a tRPC call. Server messages are already written for people. */
export function errorMessage(error: unknown, t: Translate): string {
  const data = errorData(error);
  if (data?.code === "UNAUTHORIZED") return t("common.sessionEnded");
  const fieldErrors = data?.zodError?.fieldErrors;
  if (fieldErrors) {
    const first = Object.values(fieldErrors).find((list) => list && list.length > 0)?.[0];
    if (first) return first;
  }
  if (error instanceof Error && error.message && !/^(Failed to fetch|fetch failed|NetworkError)/i.test(error.message)) {
    const known = knownSendFailure(error.message);
    return known ? t(`sendFailures.${known}`) : error.message;
  }
  return t("common.unknownError");
}

/** Server-side field errors (zod) for a form, by field name. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const fieldErrors = errorData(error)?.zodError?.fieldErrors ?? {};
  const out: Record<string, string> = {};
  for (const [field, list] of Object.entries(fieldErrors)) if (list?.[0]) out[field] = list[0];
  return out;
}

export function isNotFound(error: unknown): boolean {
  return errorData(error)?.code === "NOT_FOUND";
}

export function isUnauthorized(error: unknown): boolean {
  return errorData(error)?.code === "UNAUTHORIZED";
}

/** next-auth returns the thrown message as `error`; map the known ones to the reader's language. */
export function loginErrorMessage(raw: string | null | undefined, t: Translate): string {
  if (!raw) return t("common.unknownError");
  if (/wrong username|CredentialsSignin/i.test(raw)) return t("auth.errors.wrongCredentials");
  if (/locked/i.test(raw)) return t("auth.errors.locked");
  const rate = /too many.*?(\d+)\s*s/i.exec(raw);
  if (rate?.[1]) return t("auth.errors.rateLimited", { seconds: rate[1] });
  if (/too many/i.test(raw)) return t("auth.errors.rateLimitedShort");
  return raw;
}
