/** Why WhatsApp refused a device at login (403): shown on the device and on every message that now waits for it. */
export const BANNED_REASON = "WhatsApp refused this number (banned or restricted, 403)";

/** A device status change after which nothing can be sent until someone acts (relinks it, or WhatsApp lifts a ban). */
export function isBlockingStatus(status: string, reason: string | null): boolean {
  return status === "logged_out" || (status === "disconnected" && reason === BANNED_REASON);
}
