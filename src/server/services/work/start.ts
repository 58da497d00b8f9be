import { globalSingleton } from "../../global-singleton";
import { failUnacknowledged } from "../messages/fail-unacknowledged";
import { watchOutbox } from "./outbox-watch";
import { WorkRunner, type WorkRunnerOptions } from "../../jobs/runner";
import { jobItemSource } from "./sources/job-items";
import { scheduledMessageSource } from "./sources/scheduled-messages";
import { webhookDeliverySource } from "./sources/webhook-deliveries";
import type { DevicelessWorkSource, Sweeper, WorkSource } from "../../jobs/work-source";

function slot(): { current: WorkRunner | null; stopOutbox: (() => void) | null } {
  return globalSingleton("workRunner", () => ({ current: null as WorkRunner | null, stopOutbox: null as (() => void) | null }));
}

/** Every kind of durable work, in priority order: a scheduled message goes before the next bulk item of its device. */
export function defaultWorkSources(): WorkSource[] {
  return [scheduledMessageSource(), jobItemSource()];
}

/** Work that needs no device: outgoing webhook deliveries. */
export function defaultDevicelessSources(): DevicelessWorkSource[] {
  return [webhookDeliverySource()];
}

/** Give-up passes for outgoing messages that are not runner work: direct sends WhatsApp never acknowledged. */
export function defaultSweepers(): Sweeper[] {
  return [{ name: "unacknowledged-message", sweep: (request) => failUnacknowledged(request) }];
}

/** Starts this process's runner (after WhatsApp: it runs work only for devices this process holds). Idempotent. */
export function startJobRunner(opts: Partial<WorkRunnerOptions> = {}): WorkRunner {
  const running = slot().current;
  if (running) return running;
  const runner = new WorkRunner({ sources: defaultWorkSources(), devicelessSources: defaultDevicelessSources(), sweepers: defaultSweepers(), ...opts });
  slot().current = runner;
  slot().stopOutbox = watchOutbox({ log: opts.log });
  runner.start();
  return runner;
}

/** The running runner's sources (none when it is stopped), for /metrics. */
export function runningWorkSources(): ReadonlyArray<Pick<WorkSource, "name" | "backlog">> {
  const runner = slot().current;
  return runner ? [...runner.sources, ...runner.devicelessSources] : [];
}

/** Stops taking work and waits for the items in flight (before WhatsApp stops, so they can finish sending). */
export async function stopJobRunner(): Promise<void> {
  const runner = slot().current;
  if (!runner) return;
  slot().current = null;
  slot().stopOutbox?.();
  slot().stopOutbox = null;
  await runner.stop();
}
