import { db } from "../../../src/server/db";
import { WorkRunner, type WorkRunnerOptions } from "../../../src/server/jobs/runner";
import { scheduledMessageSource } from "../../../src/server/services/work/sources/scheduled-messages";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
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

/** Schedules `texts` from `device` for now, to `contacts` in turn; returns the ScheduledMessage ids. */
export async function scheduleNow(
  owner: { id: number },
  device: { id: number; deviceId: string; ownerId: number },
  contacts: string[],
  texts: string[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, text] of texts.entries()) {
    const row = await scheduleMessage({
      actor: { id: owner.id, role: "user" },
      meta: { ip: "127.0.0.1" },
      device,
      to: `+${contacts[i % contacts.length]}`,
      text,
      at: new Date(),
      timezone: "Asia/Jakarta",
    });
    ids.push(row.id);
  }
  return ids;
}
