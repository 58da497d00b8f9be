import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
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

export async function consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      throw new AppError("RATE_LIMITED", `Too many ${what}; try again in ${seconds} s`);
    }
    throw error;
  }
}
