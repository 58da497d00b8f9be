/** Client-side helpers for wall-clock times in an IANA time zone (the server re-checks everything). */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The browser's IANA time zone ("Asia/Jakarta"), or "UTC" when Intl cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every IANA zone the browser knows, with `extra` (the browser's own zone, which may be an alias) included. */
export function timeZoneOptions(extra: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set(zones);
  if (extra) all.add(extra);
  all.add("UTC");
  return [...all].sort((a, b) => a.localeCompare(b));
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a `datetime-local` value ("2026-05-01T09:00") names in `timeZone`, or null when it is not a valid date
 * and time. Close enough for form validation; the server decides DST edge cases.
 */
export function zonedInstant(value: string, timeZone: string): Date | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const probe = new Date(guess);
  if (probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(d)) return null;
  try {
    const first = guess - offsetMs(guess, timeZone);
    return new Date(guess - offsetMs(first, timeZone));
  } catch {
    return null;
  }
}

/** "2026-05-01T09:00" for `date` as seen in `timeZone` (a `datetime-local` value). */
export function toWallClock(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
