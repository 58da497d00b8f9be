import type { FailureReason } from "./registry";

/** Maps a failed message's error text to one of the few reason labels (see the send path's wording). */
export function failureReason(error: string | null): FailureReason {
  const text = (error ?? "").toLowerCase();
  if (/offline|not connected|disconnected|connection closed/.test(text)) return "device_offline";
  if (/did not accept|rejected|not on whatsapp|not-acceptable|forbidden/.test(text)) return "rejected";
  if (/gave up|too long|expired|logged out|unavailable/.test(text)) return "gave_up";
  return "other";
}
