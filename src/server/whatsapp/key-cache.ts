import type { CacheStore } from "baileys";

/**
 * A small read-through cache for one device's Signal keys: entries expire after `ttlMs` (checked on read) and the
 * oldest are evicted past `maxEntries`. No timers, so an ended connection leaves nothing behind — Baileys' default
 * NodeCache keeps an interval per instance, i.e. one leaked cache per reconnecting device.
 */
export class KeyCache implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly maxEntries = 1000,
  ) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  set<T>(key: string, value: T): void {
    this.setUntil(key, value, Date.now() + this.ttlMs);
  }

  /** Sets an entry that expires at `expiresAt` (epoch ms): one restored with the age it already had. */
  setUntil<T>(key: string, value: T, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  del(key: string): void {
    this.entries.delete(key);
  }

  flushAll(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
