import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { nudgeRunner } from "../../../src/server/jobs/nudge";
import { WorkRunner, type WorkRunnerOptions } from "../../../src/server/jobs/runner";
import type { ClaimRequest, ClaimedWork, WorkOutcome, WorkSource } from "../../../src/server/jobs/work-source";
import { createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

/** A source fed by the test: items queue per device, `run` waits for the test to finish each item. */
class FakeSource implements WorkSource {
  readonly name = "fake";
  readonly queue: number[] = [];
  readonly claims: Array<{ id: number; at: number }> = [];
  readonly running = new Map<number, (outcome: WorkOutcome) => void>();
  /** Items whose run throws (once). */
  readonly failing = new Set<number>();
  readonly released: number[] = [];
  private nextClaim: (() => void) | undefined;

  /** Resolves when the runner starts the next item. */
  claimed(): Promise<void> {
    return new Promise((resolve) => (this.nextClaim = resolve));
  }

  async claim({ devices }: ClaimRequest): Promise<ClaimedWork[]> {
    const device = devices[0];
    const id = this.queue.shift();
    if (!device || id === undefined) return [];
    this.claims.push({ id, at: Date.now() });
    return [{ id, device, claim: 1 }];
  }

  run(work: ClaimedWork): Promise<WorkOutcome> {
    if (this.failing.delete(work.id)) {
      this.nextClaim?.();
      return Promise.reject(new Error("database went away"));
    }
    const outcome = new Promise<WorkOutcome>((resolve) => this.running.set(work.id, resolve));
    this.nextClaim?.();
    return outcome;
  }

  async renew(): Promise<boolean> {
    return true;
  }

  /** A released claim makes the item claimable again, like the real sources' `claimedAt = NULL`. */
  async release(work: ClaimedWork): Promise<void> {
    this.released.push(work.id);
    this.queue.unshift(work.id);
  }
}

let deviceId: string;
let runner: WorkRunner | undefined;

beforeEach(async () => {
  await resetDb();
  const owner = await createUser();
  deviceId = `dev-runner-${owner.id}`;
  await db().device.create({ data: { deviceId, deviceName: "Runner", ownerId: owner.id } });
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

function startRunner(source: FakeSource, opts: Partial<WorkRunnerOptions> = {}): WorkRunner {
  // An hour-long poll: anything that runs sooner was woken by a nudge, a finished item or a device event.
  const started = new WorkRunner({ sources: [source], pollMs: 3600_000, sweepEveryMs: 3600_000, readyDevices: () => [deviceId], ...opts });
  started.start();
  return started;
}

describe("[JOBS][RUNNER]", () => {
  it("wakes at once on a nudge, runs one item per device at a time, and takes the next as soon as one finishes", async () => {
    const source = new FakeSource();
    runner = startRunner(source);
    let claimed = source.claimed();
    source.queue.push(1, 2);
    nudgeRunner();
    await claimed;
    expect(source.claims.map((c) => c.id)).toEqual([1]);
    claimed = source.claimed();
    // While item 1 runs, nudges claim nothing for the busy device.
    nudgeRunner();
    source.running.get(1)?.({ kind: "done" });
    await claimed;
    expect(source.claims.map((c) => c.id)).toEqual([1, 2]);
    source.running.get(2)?.({ kind: "done" });
  });

  it("paces a device after an item that asks for a pause", async () => {
    const source = new FakeSource();
    runner = startRunner(source);
    source.queue.push(1, 2);
    let claimed = source.claimed();
    nudgeRunner();
    await claimed;
    claimed = source.claimed();
    const finishedAt = Date.now();
    source.running.get(1)?.({ kind: "done", pauseMs: 300 });
    await claimed;
    expect(source.claims[1]!.at - finishedAt).toBeGreaterThanOrEqual(290);
    source.running.get(2)?.({ kind: "done" });
  });

  it("ends a device's rest when it reconnects", async () => {
    const source = new FakeSource();
    runner = startRunner(source);
    source.queue.push(1, 2);
    let claimed = source.claimed();
    nudgeRunner();
    await claimed;
    claimed = source.claimed();
    source.running.get(1)?.({ kind: "retry", reason: "device dropped", cooldownMs: 3600_000 });
    // Let the runner record the rest before the device comes back.
    await new Promise((r) => setImmediate(r));
    eventBus().publish("device.status", { deviceId, status: "connected", phoneNumber: null, reason: null }, { ownerId: null });
    await claimed;
    expect(source.claims.map((c) => c.id)).toEqual([1, 2]);
    source.running.get(2)?.({ kind: "done" });
  });

  it("ends the rest a retry asks for when the device reconnected while the item ran", async () => {
    const source = new FakeSource();
    runner = startRunner(source);
    source.queue.push(1, 2);
    let claimed = source.claimed();
    nudgeRunner();
    await claimed;
    claimed = source.claimed();
    // The device drops and comes back while item 1 is still running; the item then reports the drop.
    eventBus().publish("device.status", { deviceId, status: "connected", phoneNumber: null, reason: null }, { ownerId: null });
    await new Promise((r) => setImmediate(r));
    source.running.get(1)?.({ kind: "retry", reason: "device dropped", cooldownMs: 3600_000 });
    await claimed;
    expect(source.claims.map((c) => c.id)).toEqual([1, 2]);
    source.running.get(2)?.({ kind: "done" });
  });

  it("gives up the claim of an item whose run threw: it runs again after the error cooldown, not the lease", async () => {
    const source = new FakeSource();
    runner = startRunner(source, { errorCooldownMs: 200, leaseMs: 3600_000 });
    source.failing.add(1);
    source.queue.push(1);
    let claimed = source.claimed();
    nudgeRunner();
    await claimed;
    claimed = source.claimed();
    await claimed;
    expect(source.released).toEqual([1]);
    expect(source.claims.map((c) => c.id)).toEqual([1, 1]);
    expect(source.claims[1]!.at - source.claims[0]!.at).toBeGreaterThanOrEqual(190);
    source.running.get(1)?.({ kind: "done" });
  });

  it("stop() waits for the item in flight and takes no new work", async () => {
    const source = new FakeSource();
    runner = startRunner(source);
    source.queue.push(1, 2);
    const claimed = source.claimed();
    nudgeRunner();
    await claimed;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    source.running.get(1)?.({ kind: "done" });
    await stopping;
    nudgeRunner();
    expect(source.claims.map((c) => c.id)).toEqual([1]);
  });
});
