export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** ±fraction of the delay, so devices that dropped together do not reconnect together. */
  jitter: number;
  /** Reconnect attempts after a drop before giving up into `disconnected`. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 60_000, jitter: 0.3, maxAttempts: 10 };

/** Delay before reconnect attempt `attempt` (1-based): base·2^(attempt−1), capped at maxMs, then jittered. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const factor = 1 + policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(capped * factor));
}
