import type { CacheStore } from "baileys";
import type { AuthEntryStore } from "./auth-state";
import { KeyCache } from "./key-cache";

/** The auth-state category the lists are kept in (beside, never among, Baileys' own key types). */
export const DEVICE_LIST_CATEGORY = "sb-user-devices";
/** Marks a clean stop (never a user id: those are digits). */
const CLEAN_STOP_KEY = "@clean-stop";
/** Lists learnt within this window are written together: a blast learns one per recipient. */
const WRITE_EVERY_MS = 1000;

interface StoredDeviceList {
  devices: unknown;
  storedAt: number;
}

function isStoredDeviceList(value: unknown): value is StoredDeviceList {
  return typeof value === "object" && value !== null && "devices" in value && typeof (value as { storedAt?: unknown }).storedAt === "number";
}

/**
 * Baileys' `userDevicesCache`: each contact's device list, kept in memory and written through to the device's
 * encrypted auth state, so it outlives both the connection's sockets and the process.
 *
 * Why it matters: after every device lookup (usync) Baileys force-fetches a new prekey bundle for each contact the
 * lookup returned and replaces the working Signal session with it (messages-send.js, `assertSessions(lids, true)`),
 * spending one of the contact's one-time prekeys. A cache that starts empty — a new socket, or a restarted process —
 * therefore re-established the session with every contact. Lists expire after `ttlMs` (counted from when they were
 * learnt, across restarts); changes in between arrive as `devices` notifications, which Baileys applies here.
 */
export class DeviceListCache implements CacheStore {
  private readonly memory: KeyCache;
  private store: AuthEntryStore | undefined;
  /** Lists (or deletions: null) not yet written, by user. */
  private readonly unwritten = new Map<string, unknown>();
  private writeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ttlMs: number,
    maxEntries: number,
    private readonly onWriteError: (error: unknown) => void,
  ) {
    this.memory = new KeyCache(ttlMs, maxEntries);
  }

  /**
   * Loads the lists an earlier connection or process learnt, drops the expired ones, and writes through from now on.
   * Only after a clean stop: Baileys sends a message before its Signal session update is stored, so a process that
   * was killed may have left sessions behind what the contacts' phones already saw. Forgetting the lists then makes
   * Baileys refresh those sessions on the first send, as it always did.
   */
  async attach(store: AuthEntryStore, now = Date.now()): Promise<void> {
    this.store = store;
    const stored = await store.all();
    const clean = stored.delete(CLEAN_STOP_KEY);
    // In use from here on: a crash before the next clean stop must not find the mark (written below, at once).
    if (clean) this.persist(CLEAN_STOP_KEY, null);
    const dropped: string[] = [];
    for (const [user, value] of stored) {
      if (clean && isStoredDeviceList(value) && value.storedAt + this.ttlMs > now) this.memory.setUntil(user, value.devices, value.storedAt + this.ttlMs);
      else dropped.push(user);
    }
    for (const user of dropped) this.persist(user, null);
    this.writeNow();
  }

  /** The connection ended cleanly and every session write of its sockets is queued before this mark (written with
   * the lists still waiting, in one write). */
  markClean(): void {
    this.persist(CLEAN_STOP_KEY, { at: Date.now() });
    this.writeNow();
  }

  get<T>(user: string): T | undefined {
    return this.memory.get<T>(user);
  }

  set<T>(user: string, devices: T): void {
    this.memory.set(user, devices);
    this.persist(user, { devices, storedAt: Date.now() } satisfies StoredDeviceList);
  }

  del(user: string): void {
    this.memory.del(user);
    this.persist(user, null);
  }

  /** Forgets the in-memory copy only: the stored lists are for the next connection (clearing the auth state deletes them). */
  flushAll(): void {
    this.memory.flushAll();
  }

  get size(): number {
    return this.memory.size;
  }

  private persist(user: string, value: unknown): void {
    if (!this.store) return;
    this.unwritten.set(user, value);
    this.writeTimer ??= setTimeout(() => this.writeNow(), WRITE_EVERY_MS);
    this.writeTimer.unref();
  }

  /** Writes the lists learnt since the last write now, in one write (otherwise they go after `WRITE_EVERY_MS`). */
  writeNow(): void {
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    if (!this.store || this.unwritten.size === 0) return;
    const values = new Map(this.unwritten);
    this.unwritten.clear();
    // Not awaited: a lost write only costs one lookup later, and must never fail the send that caused it.
    this.store.setMany(values).catch(this.onWriteError);
  }
}
