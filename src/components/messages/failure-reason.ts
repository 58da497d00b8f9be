import { knownSendFailure } from "@/lib/send-failures";
import type { Translate } from "@/i18n/types";

/** A stored failure reason in the reader's language when it is one the app knows, else as WhatsApp gave it. */
export function failureReason(reason: string, t: Translate): string {
  const known = knownSendFailure(reason);
  return known ? t(`sendFailures.${known}`) : reason;
}
