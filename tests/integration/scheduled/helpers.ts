import { db } from "../../../src/server/db";
import { WorkRunner, type WorkRunnerOptions } from "../../../src/server/jobs/runner";
import { scheduledMessageSource } from "../../../src/server/jobs/sources/scheduled-messages";
import { waitForEvent, type EventOf } from "../../helpers/whatsapp";

/** A runner over scheduled messages with test pacing (fast poll, frequent sweeps); stop it in afterEach. */
export function startTestRunner(opts: Partial<WorkRunnerOptions> = {}): WorkRunner {
  const runner = new WorkRunner({ sources: [scheduledMessageSource()], pollMs: 100, sweepEveryMs: 100, ...opts });
  runner.start();
  return runner;
}

export function waitForScheduled(
  scheduledId: number,
  status: EventOf<"scheduled.status">["data"]["status"],
  since: number,
  timeoutMs?: number,
): Promise<EventOf<"scheduled.status">> {
  return waitForEvent("scheduled.status", (d) => d.scheduledId === scheduledId && d.status === status, { since, timeoutMs });
}

/** Simulates time passing: the row becomes due `agoMs` ago (the API refuses past times). */
export async function makeDue(id: number, agoMs = 0): Promise<void> {
  await db().scheduledMessage.update({ where: { id }, data: { scheduleTime: new Date(Date.now() - agoMs) } });
}

export const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();
export const nowIso = () => new Date().toISOString();
