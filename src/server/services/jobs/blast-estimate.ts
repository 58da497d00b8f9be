import { hourStartOf, nextDayStart, nextHourStart, type LaneUsage } from "./send-caps";
import { startOfToday } from "../messages/daily-usage";

/** Why a job takes longer than its pacing alone: the device's send cap makes it wait for the next window. */
export interface CapWait {
  reason: "hourly_cap" | "daily_cap";
  cap: number;
  /** When the job first has to wait (the cap is reached), and when it goes on. */
  waitsAt: Date;
  resumesAt: Date;
}

export interface BlastEstimate {
  /** From the first send to the last. */
  seconds: number;
  /** The first cap wait on the way; null when the caps never hold the job. */
  capWait: CapWait | null;
}

/**
 * When the last of `count` sends goes out from `start`, one every `averageMs`, on a device whose hourly and daily caps
 * hold its lane until the next clock hour or day (as the runner does). `usage` is the device's count now: it applies
 * to the start's hour and day only when the start falls in them.
 */
export function estimateBlast(count: number, averageMs: number, usage: LaneUsage, start: Date, now = new Date()): BlastEstimate {
  const { hourly, daily } = usage.caps;
  let hour = hourStartOf(start).getTime();
  let day = startOfToday(start).getTime();
  let sentHour = hour === hourStartOf(now).getTime() ? usage.sentThisHour : 0;
  let sentDay = day === startOfToday(now).getTime() ? usage.sentToday : 0;
  let at = start.getTime();
  let last = at;
  let capWait: CapWait | null = null;
  for (let sent = 0; sent < count; ) {
    if (hourStartOf(new Date(at)).getTime() !== hour) {
      hour = hourStartOf(new Date(at)).getTime();
      sentHour = 0;
    }
    if (startOfToday(new Date(at)).getTime() !== day) {
      day = startOfToday(new Date(at)).getTime();
      sentDay = 0;
    }
    const held: CapWait["reason"] | null = sentDay >= daily ? "daily_cap" : sentHour >= hourly ? "hourly_cap" : null;
    if (held) {
      const resumesAt = held === "daily_cap" ? nextDayStart(new Date(at)) : nextHourStart(new Date(at));
      capWait ??= { reason: held, cap: held === "daily_cap" ? daily : hourly, waitsAt: new Date(at), resumesAt };
      at = resumesAt.getTime();
      continue;
    }
    last = at;
    sent += 1;
    sentHour += 1;
    sentDay += 1;
    at += averageMs;
  }
  return { seconds: Math.ceil((last - start.getTime()) / 1000), capWait };
}
