/** The canonical IANA name of `timeZone` ("asia/jakarta" → "Asia/Jakarta"), or null when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!timeZone.trim()) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function wallClockUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at `instant` (Asia/Jakarta → +7 h). */
function zoneOffset(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time names in `timeZone`. A time skipped by a DST change (02:30 when clocks jump from
 * 02:00 to 03:00) moves forward by the jump; a time that happens twice takes the earlier one — the same
 * "compatible" rule as Temporal and most calendars.
 */
function zonedToInstant(w: WallClock, timeZone: string): number {
  const guess = wallClockUtc(w);
  const offsets = [...new Set([zoneOffset(guess, timeZone), zoneOffset(guess - zoneOffset(guess, timeZone), timeZone)])];
  const valid = offsets.map((o) => guess - o).filter((t) => guess - zoneOffset(t, timeZone) === t);
  if (valid.length) return Math.min(...valid);
  return guess - Math.min(...offsets);
}

export type ScheduleTimeResult = { ok: true; at: Date } | { ok: false; error: string };

/**
 * Reads a schedule time. With an offset or Z ("2026-05-01T09:00:00+07:00") it is an exact instant; without one
 * ("2026-05-01T09:00", "2026-05-01 09:00:30") it is a wall-clock time in `timeZone` (already validated).
 */
export function parseScheduleTime(input: string, timeZone: string): ScheduleTimeResult {
  const match = DATE_TIME.exec(input.trim());
  if (!match) return { ok: false, error: "Enter the time as YYYY-MM-DDTHH:mm (optionally with seconds and an offset such as +07:00)" };
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const w: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    ms: Number((frac ?? "0").padEnd(3, "0")),
  };
  const probe = new Date(wallClockUtc(w));
  const exists =
    probe.getUTCFullYear() === w.year && probe.getUTCMonth() === w.month - 1 && probe.getUTCDate() === w.day && w.hour < 24 && w.minute < 60 && w.second < 60;
  if (!exists) return { ok: false, error: `"${input.trim().slice(0, 40)}" is not a valid date and time` };
  if (!offset) return { ok: true, at: new Date(zonedToInstant(w, timeZone)) };
  if (offset.toUpperCase() === "Z") return { ok: true, at: probe };
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (minutes > 14 * 60) return { ok: false, error: `"${offset}" is not a valid UTC offset` };
  return { ok: true, at: new Date(probe.getTime() - sign * minutes * 60_000) };
}
