import { randomInt } from "node:crypto";

/** A uniformly random wait in [minMs, maxMs]: the jitter that keeps bulk sends from looking machine-made. */
export function jitteredDelay(minMs: number, maxMs: number): number {
  const low = Math.max(0, Math.min(minMs, maxMs));
  const high = Math.max(low, maxMs);
  return high === low ? low : randomInt(low, high + 1);
}
