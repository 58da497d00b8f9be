/** A device the runner may run work for: owned by this process (SPEC §10) and connected. */
export interface RunnerDevice {
  id: number;
  deviceId: string;
}

/**
 * One claimed item. `claim` is the item's attempt counter after this claim: every claim increments it, so it is a
 * fencing token — a write conditioned on it fails once the claim was lost (lease expired, item taken over).
 */
export interface ClaimedWork {
  id: number;
  device: RunnerDevice;
  claim: number;
}

export type WorkOutcome =
  /** Finished for good (sent, failed with a reason, or the claim turned out to be lost). `pauseMs` paces the device. */
  | { kind: "done"; pauseMs?: number }
  /** Released unfinished; the device's lane rests `cooldownMs` (a device.status "connected" event ends the rest). */
  | { kind: "retry"; reason: string; cooldownMs: number };

export interface ClaimRequest {
  /** Devices with a free lane; a source returns at most one item per device. */
  devices: RunnerDevice[];
  limit: number;
  now: Date;
  /** Claims older than this belong to a process that died (or stalled past its lease) and may be taken over. */
  staleBefore: Date;
  /** This runner's WorkerInstance id: a source stamps it on what it claims (`claimedBy`). */
  instanceId: string;
  /** Claims of instances whose heartbeat is older than this are dead and may be taken over at once (`claimIsFree`). */
  liveAfter: Date;
  /** The runner's poll interval: work created by another process is only promised within it, so a source that
   * found nothing for a device may skip asking again for that long (a nudge from this process ends the wait). */
  pollMs?: number;
}

export interface SweepRequest {
  now: Date;
  /** Due longer than this and still not runnable → give up with a reason. */
  graceMs: number;
  staleBefore: Date;
}

/** A periodic give-up pass the runner makes besides its sources' own (same grace, same start-up delay). */
export interface Sweeper {
  readonly name: string;
  /** Fails what waited past the grace with a reason; returns how many. */
  sweep(request: SweepRequest): Promise<number>;
}

/**
 * Durable work the runner executes: scheduled messages today, bulk job items next. Everything about an item lives
 * in its row (STYLE rule 15), so any process can recover it; the runner only decides when and where it runs.
 */
export interface WorkSource {
  readonly name: string;
  /** Claims due items (row locks, SKIP LOCKED) and stamps claimedAt + attempts in one transaction. */
  claim(request: ClaimRequest): Promise<ClaimedWork[]>;
  run(work: ClaimedWork): Promise<WorkOutcome>;
  /** Heartbeat: keeps a long-running claim from looking dead. False when the claim was lost. */
  renew(work: ClaimedWork, now: Date): Promise<boolean>;
  /**
   * Gives the claim up (conditioned on it) after `run` threw: the item is free again at once instead of staying
   * claimed by this live instance until its lease expires. Whatever `run` stored is found by the next attempt.
   */
  release?(work: ClaimedWork): Promise<void>;
  /** State changes driven by the clock or by devices, not by a claimed item; called on every pass (throttle inside). */
  maintain?(now: Date): Promise<void>;
  /** Fails items that cannot run any more (device logged out or gone too long); returns how many. */
  sweep?(request: SweepRequest): Promise<number>;
  /** Due, unfinished items across every device (for /metrics): how many, and when the oldest came due. */
  backlog?(now: Date): Promise<Backlog>;
}

/** One claimed item of work that needs no device. `claim` is its fencing token, as in ClaimedWork. */
export interface DevicelessWork {
  id: number;
  claim: number;
}

/**
 * Durable work that needs no WhatsApp device (outgoing webhooks): it runs beside the device lanes, up to its own
 * `concurrency` at once per process, and is claimed with the same lease and instance rules.
 */
export interface DevicelessWorkSource {
  readonly name: string;
  readonly concurrency: number;
  claim(request: Omit<ClaimRequest, "devices">): Promise<DevicelessWork[]>;
  /** Records its own outcome; throwing leaves the claim to expire and the item to be retried. */
  run(work: DevicelessWork): Promise<void>;
  renew(work: DevicelessWork, now: Date): Promise<boolean>;
  backlog?(now: Date): Promise<Backlog>;
}

export interface Backlog {
  depth: number;
  oldestDueAt: Date | null;
}

/** A write conditioned on the claim found it gone: someone else now owns the item, so this run must stop. */
export class ClaimLostError extends Error {
  constructor(source: string, id: number) {
    super(`${source} ${id}: the claim was lost`);
    this.name = "ClaimLostError";
  }
}

export function isClaimLost(error: unknown): boolean {
  // By name: the custom server and Next's bundle hold separate copies of this class (STACK.md pitfall 12).
  return error instanceof Error && error.name === "ClaimLostError";
}

/** The first row of each device, at most `limit`: rows come ordered by due time. */
export function onePerDevice<T extends { deviceId: number }>(rows: T[], limit: number): T[] {
  const seen = new Set<number>();
  const picked: T[] = [];
  for (const row of rows) {
    if (picked.length >= limit) break;
    if (seen.has(row.deviceId)) continue;
    seen.add(row.deviceId);
    picked.push(row);
  }
  return picked;
}
