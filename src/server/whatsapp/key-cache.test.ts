import { afterEach, describe, expect, it, vi } from "vitest";
import { KeyCache } from "./key-cache";

afterEach(() => {
  vi.useRealTimers();
});

describe("KeyCache", () => {
  it("expires entries after the TTL and evicts the oldest past the cap", () => {
    vi.useFakeTimers();
    const cache = new KeyCache(1000, 3);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    cache.set("a", 10);
    cache.set("d", 4);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.get("d")]).toEqual([10, undefined, 3, 4]);
    vi.advanceTimersByTime(1001);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.flushAll();
    expect(cache.size).toBe(0);
  });
});
