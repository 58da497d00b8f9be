import { env } from "@/env";

export interface WebhookPolicy {
  allowPrivate: boolean;
  timeoutMs: number;
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** Delay before the first retry; each next one doubles. */
  retryBaseMs: number;
}

export function webhookPolicy(overrides: Partial<WebhookPolicy> = {}): WebhookPolicy {
  const config = env();
  return {
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    ...overrides,
  };
}

/** Wait after attempt `attempt` (1-based) failed: base·2^(attempt−1), ±20 % jitter so failed bursts do not retry in step. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** (attempt - 1) * (0.8 + 0.4 * random()));
}

/** 2xx is delivered; 5xx, 408 and 429 are worth another try; any other answer (4xx, 3xx) will not change by retrying. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
