import type { Logger } from "pino";
import { db } from "../db";
import { eventBus } from "../events/bus";
import { logger } from "../logger";
import { findConnectionManager } from "../whatsapp/registry";
import { onNudge } from "./nudge";
import type { ClaimedWork, DevicelessWork, DevicelessWorkSource, RunnerDevice, Sweeper, WorkOutcome, WorkSource } from "./work-source";
import { WorkerInstance } from "./worker-instance";

export interface WorkRunnerOptions {
  sources: WorkSource[];
  /** Work that needs no device (webhook deliveries): claimed on every pass, beside the device lanes. */
  devicelessSources?: DevicelessWorkSource[];
  /** Poll interval: work created by another process (or due by the clock) is found within this. Default 1 s. */
  pollMs?: number;
  /** A claim older than this, not renewed, belongs to a dead process and is taken over. Default 60 s. */
  leaseMs?: number;
  /** This runner's heartbeat (its WorkerInstance row). Default 1 s. */
  heartbeatMs?: number;
  /**
   * An instance whose heartbeat is older than this is dead: its claims are taken over at once, without waiting for
   * their lease (after a SIGKILL and restart, work resumes within seconds). Default 4 s.
   */
  instanceTimeoutMs?: number;
  /** Items running at once (one per device). Default 16. */
  maxConcurrent?: number;
  /** Give-up passes besides the sources' own sweeps (outgoing messages WhatsApp never acknowledged). */
  sweepers?: Sweeper[];
  /** How long due work may wait for its device before sweeps fail it. Default 10 min. */
  graceMs?: number;
  sweepEveryMs?: number;
  /** Lane rest after an unexpected error in a source. Default 5 s. */
  errorCooldownMs?: number;
  /** Device ids this process may run work for now; default: the connection manager's owned, connected devices. */
  readyDevices?: () => string[];
  log?: Logger;
}

interface Lane {
  busy: boolean;
  /** Epoch ms before which the lane takes no work (pacing between sends, or rest after a retry). */
  notBefore: number;
  /** Epoch ms of the device's last (re)connect: one during a run ends the rest that run's retry would ask for. */
  connectedAt: number;
}

function connectedOwnedDevices(): string[] {
  const manager = findConnectionManager();
  if (!manager) return [];
  return manager.ownedDeviceIds().filter((deviceId) => manager.isConnected(deviceId));
}

/**
 * Runs durable work inside the server process. Each device has one lane: at most one item runs per device at a
 * time, across all sources, and an item's outcome can pace or rest the lane. Items are claimed from MySQL with
 * `FOR UPDATE SKIP LOCKED` only for devices this process owns, so several runners (instances) never take the same
 * item; a claim is a lease renewed while the item runs, and one left by a dead process is taken over once it
 * expires. The runner wakes on a timer, on a nudge when work is created, and when a device connects.
 */
export class WorkRunner {
  private readonly lanes = new Map<string, Lane>();
  private readonly deviceRows = new Map<string, RunnerDevice>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Deviceless items running, per source name (they do not take device slots). */
  private readonly devicelessRunning = new Map<string, number>();
  private readonly devicelessInFlight = new Set<Promise<void>>();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxConcurrent: number;
  private readonly graceMs: number;
  private readonly sweepEveryMs: number;
  private readonly errorCooldownMs: number;
  private readonly readyDevices: () => string[];
  private readonly log: Logger;
  private readonly startedAt = Date.now();
  private readonly abort = new AbortController();
  private readonly instance = new WorkerInstance();
  private readonly heartbeatMs: number;
  private readonly instanceTimeoutMs: number;
  private registered: Promise<void> | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private rerun = false;
  private stopping = false;
  private nextSweepAt = 0;
  private unsubscribeNudge: (() => void) | undefined;

  constructor(private readonly opts: WorkRunnerOptions) {
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.heartbeatMs = opts.heartbeatMs ?? 1000;
    this.instanceTimeoutMs = opts.instanceTimeoutMs ?? 4000;
    this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 16);
    this.graceMs = opts.graceMs ?? 10 * 60_000;
    this.sweepEveryMs = opts.sweepEveryMs ?? 15_000;
    this.errorCooldownMs = opts.errorCooldownMs ?? 5000;
    this.readyDevices = opts.readyDevices ?? connectedOwnedDevices;
    this.log = (opts.log ?? logger()).child({ component: "jobs" });
  }

  get sources(): readonly WorkSource[] {
    return this.opts.sources;
  }

  get devicelessSources(): readonly DevicelessWorkSource[] {
    return this.opts.devicelessSources ?? [];
  }

  start(): void {
    this.heartbeatTimer = setInterval(() => {
      this.instance.beat(new Date()).catch((error: unknown) => this.log.error({ err: error }, "work runner heartbeat failed"));
    }, this.heartbeatMs);
    this.heartbeatTimer.unref();
    this.unsubscribeNudge = onNudge(() => this.wake());
    void this.watchDevices();
    this.wake();
    this.log.info(
      { sources: this.opts.sources.map((s) => s.name), pollMs: this.pollMs, leaseMs: this.leaseMs, instanceId: this.instance.id },
      "work runner started",
    );
  }

  /** Takes no new work, then waits for the items in flight: a send is never cut off half-way by a clean stop. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.timer);
    this.unsubscribeNudge?.();
    this.abort.abort();
    await this.ticking;
    await Promise.allSettled([...this.inFlight, ...this.devicelessInFlight]);
    clearInterval(this.heartbeatTimer);
    await this.instance.unregister().catch((error: unknown) => this.log.error({ err: error }, "could not unregister the work runner instance"));
  }

  /** Runs a pass now (or right after the running one). */
  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.rerun = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
  }

  private async loop(): Promise<void> {
    if (this.ticking || this.stopping) return;
    const run = (async () => {
      do {
        this.rerun = false;
        try {
          await this.tick();
        } catch (error) {
          this.log.error({ err: error }, "work runner pass failed");
        }
      } while (this.rerun && !this.stopping);
    })();
    this.ticking = run;
    await run;
    this.ticking = undefined;
    if (!this.stopping) this.schedule(this.nextDelay());
  }

  /** The poll interval, or sooner when a paced lane opens before it. */
  private nextDelay(): number {
    const now = Date.now();
    let delay = this.pollMs;
    for (const lane of this.lanes.values()) {
      if (!lane.busy && lane.notBefore > now) delay = Math.min(delay, lane.notBefore - now);
    }
    return delay;
  }

  /** Claims are made only once the instance row exists: before that, another runner would see them as ownerless. */
  private async ensureRegistered(): Promise<void> {
    this.registered ??= this.instance.register(new Date()).catch((error: unknown) => {
      this.registered = undefined;
      throw error;
    });
    await this.registered;
  }

  private async tick(): Promise<void> {
    await this.ensureRegistered();
    const now = new Date();
    const staleBefore = new Date(now.getTime() - this.leaseMs);
    const liveAfter = new Date(now.getTime() - this.instanceTimeoutMs);
    if (now.getTime() >= this.nextSweepAt) {
      this.nextSweepAt = now.getTime() + this.sweepEveryMs;
      await this.sweep(now, staleBefore);
    }
    for (const source of this.opts.sources) {
      if (!source.maintain) continue;
      try {
        await source.maintain(now);
      } catch (error) {
        this.log.error({ err: error, source: source.name }, "maintenance failed");
      }
    }
    await this.claimDeviceless(now, staleBefore, liveAfter);
    let slots = this.maxConcurrent - this.inFlight.size;
    if (slots <= 0) return;
    const free = this.readyDevices().filter((deviceId) => {
      const lane = this.lanes.get(deviceId);
      return !lane || (!lane.busy && lane.notBefore <= now.getTime());
    });
    if (free.length === 0) return;
    let devices = await this.rowsOf(free);
    for (const source of this.opts.sources) {
      if (devices.length === 0 || slots <= 0 || this.stopping) break;
      const claimed = await source.claim({ devices, limit: slots, now, staleBefore, instanceId: this.instance.id, liveAfter });
      for (const work of claimed) this.execute(source, work);
      const taken = new Set(claimed.map((w) => w.device.id));
      devices = devices.filter((d) => !taken.has(d.id));
      slots -= claimed.length;
    }
  }

  /**
   * The devices' rows (their ids never change), read once per device: every pass over a fleet of a thousand idle
   * devices asked for all of them each second, the largest part of the server's idle CPU.
   */
  private async rowsOf(deviceIds: string[]): Promise<RunnerDevice[]> {
    const missing = deviceIds.filter((deviceId) => !this.deviceRows.has(deviceId));
    if (missing.length > 0) {
      const rows = await db().device.findMany({ where: { deviceId: { in: missing } }, select: { id: true, deviceId: true } });
      for (const row of rows) this.deviceRows.set(row.deviceId, row);
    }
    return deviceIds.flatMap((deviceId) => this.deviceRows.get(deviceId) ?? []);
  }

  private async sweep(now: Date, staleBefore: Date): Promise<void> {
    // Right after a start, devices are still reconnecting: nothing is given up before the runner has run for the grace.
    if (now.getTime() - this.startedAt < this.graceMs) return;
    // Sources first: a scheduled message failed by its item's sweep leaves its row to the sweepers in the same pass.
    const sweepers = [...this.opts.sources.filter((s): s is WorkSource & Sweeper => s.sweep !== undefined), ...(this.opts.sweepers ?? [])];
    for (const sweeper of sweepers) {
      try {
        const failed = await sweeper.sweep({ now, graceMs: this.graceMs, staleBefore });
        if (failed) this.log.warn({ source: sweeper.name, failed }, "gave up work whose device stayed unavailable");
      } catch (error) {
        this.log.error({ err: error, source: sweeper.name }, "sweep failed");
      }
    }
  }

  private async claimDeviceless(now: Date, staleBefore: Date, liveAfter: Date): Promise<void> {
    for (const source of this.opts.devicelessSources ?? []) {
      const limit = source.concurrency - (this.devicelessRunning.get(source.name) ?? 0);
      if (limit <= 0 || this.stopping) continue;
      try {
        const claimed = await source.claim({ limit, now, staleBefore, instanceId: this.instance.id, liveAfter });
        for (const work of claimed) this.executeDeviceless(source, work);
      } catch (error) {
        this.log.error({ err: error, source: source.name }, "claiming work failed");
      }
    }
  }

  private executeDeviceless(source: DevicelessWorkSource, work: DevicelessWork): void {
    this.devicelessRunning.set(source.name, (this.devicelessRunning.get(source.name) ?? 0) + 1);
    const heartbeat = setInterval(() => {
      source.renew(work, new Date()).catch((error: unknown) => this.log.error({ err: error, source: source.name, id: work.id }, "could not renew claim"));
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    const task = (async () => {
      try {
        await source.run(work);
      } catch (error) {
        // The claim stays and expires after the lease (or at once if this process dies): the item is tried again.
        this.log.error({ err: error, source: source.name, id: work.id }, "work item failed unexpectedly");
      } finally {
        clearInterval(heartbeat);
        this.devicelessRunning.set(source.name, (this.devicelessRunning.get(source.name) ?? 1) - 1);
      }
      this.wake();
    })();
    this.devicelessInFlight.add(task);
    void task.finally(() => this.devicelessInFlight.delete(task));
  }

  private lane(deviceId: string): Lane {
    let lane = this.lanes.get(deviceId);
    if (!lane) {
      lane = { busy: false, notBefore: 0, connectedAt: 0 };
      this.lanes.set(deviceId, lane);
    }
    return lane;
  }

  private execute(source: WorkSource, work: ClaimedWork): void {
    const lane = this.lane(work.device.deviceId);
    lane.busy = true;
    const startedAt = Date.now();
    let finished = false;
    const heartbeat = setInterval(() => {
      source.renew(work, new Date()).then(
        (held) => {
          // A renew racing the item's own completion finds it no longer pending: that is not a lost claim.
          if (!held && !finished) this.log.warn({ source: source.name, id: work.id }, "claim lost while running");
        },
        (error: unknown) => this.log.error({ err: error, source: source.name, id: work.id }, "could not renew claim"),
      );
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    const task = (async () => {
      let outcome: WorkOutcome;
      try {
        outcome = await source.run(work);
      } catch (error) {
        // The run is over, so the claim is given up now: the item comes back after the lane's cooldown. Left in
        // place, this live instance's claim would hold the item for the whole lease.
        this.log.error({ err: error, source: source.name, id: work.id }, "work item failed unexpectedly");
        outcome = { kind: "retry", reason: "unexpected error", cooldownMs: this.errorCooldownMs };
        await source.release?.(work).catch((releaseError: unknown) =>
          this.log.error({ err: releaseError, source: source.name, id: work.id }, "could not release the claim; it expires with its lease"),
        );
      } finally {
        finished = true;
        clearInterval(heartbeat);
      }
      // A device that dropped and came back while the item ran needs no rest: its reconnect happened already.
      const reconnected = outcome.kind === "retry" && lane.connectedAt >= startedAt;
      const restMs = outcome.kind === "done" ? (outcome.pauseMs ?? 0) : reconnected ? 0 : outcome.cooldownMs;
      lane.notBefore = Date.now() + restMs;
      if (outcome.kind === "retry") this.log.info({ source: source.name, id: work.id, reason: outcome.reason, restMs }, "work item will be retried");
      // An unpaced lane takes its own next item at once, beside the other lanes: no pass over every device per item.
      if (restMs === 0 && (await this.continueLane(work.device))) return;
      lane.busy = false;
      this.wake();
    })();
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  /**
   * Claims the lane's next item for its device alone, sources in priority order (a due scheduled message before the
   * next bulk item), and runs it with the lane still held. False when the device has nothing runnable now.
   */
  private async continueLane(device: RunnerDevice): Promise<boolean> {
    if (this.stopping || !this.readyDevices().includes(device.deviceId)) return false;
    const now = new Date();
    const request = {
      devices: [device],
      limit: 1,
      now,
      staleBefore: new Date(now.getTime() - this.leaseMs),
      liveAfter: new Date(now.getTime() - this.instanceTimeoutMs),
      instanceId: this.instance.id,
      pollMs: this.pollMs,
    };
    try {
      for (const source of this.opts.sources) {
        const [work] = await source.claim(request);
        if (!work) continue;
        if (this.stopping) {
          await source.release?.(work);
          return false;
        }
        this.execute(source, work);
        return true;
      }
    } catch (error) {
      this.log.error({ err: error, deviceId: device.deviceId }, "claiming the lane's next item failed");
    }
    return false;
  }

  /** A device that (re)connects ends its lane's rest: work that waited for it runs at once. */
  private async watchDevices(): Promise<void> {
    try {
      for await (const event of eventBus().stream(this.abort.signal)) {
        if (event.name !== "device.status" || event.data.status !== "connected") continue;
        const lane = this.lane(event.data.deviceId);
        lane.connectedAt = Date.now();
        if (!lane.busy) lane.notBefore = 0;
        this.wake();
      }
    } catch (error) {
      if (!this.abort.signal.aborted) this.log.error({ err: error }, "device watch ended");
    }
  }
}
