import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF } from "./backoff";

describe("backoffDelay", () => {
  it("doubles from the base and caps at the maximum", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => backoffDelay(n, DEFAULT_BACKOFF, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
  });

  it("jitters by at most ±30%", () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0)).toBe(700);
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 1)).toBe(1300);
    expect(backoffDelay(20, DEFAULT_BACKOFF, () => 1)).toBe(78000);
  });
});
