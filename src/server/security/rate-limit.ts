import { RateLimiterMemory } from "rate-limiter-flexible";
import { env } from "@/env";
import { AppError } from "../errors";
import { globalSingleton } from "../global-singleton";

interface Limiters {
  api: RateLimiterMemory;
  loginIp: RateLimiterMemory;
  loginAccount: RateLimiterMemory;
}

function createLimiters(): Limiters {
  const e = env();
  return {
    api: new RateLimiterMemory({ keyPrefix: "api", points: e.RATE_LIMIT_API_POINTS, duration: e.RATE_LIMIT_API_WINDOW_SEC }),
    loginIp: new RateLimiterMemory({ keyPrefix: "login-ip", points: e.RATE_LIMIT_LOGIN_PER_IP, duration: e.RATE_LIMIT_LOGIN_WINDOW_SEC }),
    loginAccount: new RateLimiterMemory({
      keyPrefix: "login-account",
      points: e.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      duration: e.RATE_LIMIT_LOGIN_WINDOW_SEC,
    }),
  };
}

export function rateLimiters(): Limiters {
  return globalSingleton("rateLimiters", createLimiters);
}

/** One limiter per distinct per-minute allowance that API keys carry (few distinct values in practice). */
export function apiKeyLimiter(perMinute: number): RateLimiterMemory {
  const limiters = globalSingleton("apiKeyLimiters", () => new Map<number, RateLimiterMemory>());
  let limiter = limiters.get(perMinute);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: `api-key-${perMinute}`, points: perMinute, duration: 60 });
    limiters.set(perMinute, limiter);
  }
  return limiter;
}

export async function consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (isRateLimiterRes(error)) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError("RATE_LIMITED", `Too many ${what}; try again in ${seconds} s`);
    }
    throw error;
  }
}

/**
 * The limiter rejects with a RateLimiterRes (not an Error) when points run out. Duck-typed: the custom server and
 * Next's bundle each load their own copy of rate-limiter-flexible, so `instanceof` fails across them (STACK.md pitfall 12).
 */
function isRateLimiterRes(error: unknown): error is { msBeforeNext: number } {
  return (
    typeof error === "object" &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { msBeforeNext?: unknown }).msBeforeNext === "number" &&
    typeof (error as { remainingPoints?: unknown }).remainingPoints === "number"
  );
}
