import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { JobProgress } from "../../../src/server/events/types";
import { WorkRunner, type WorkRunnerOptions } from "../../../src/server/jobs/runner";
import { jobItemSource } from "../../../src/server/services/work/sources/job-items";
import { scheduledMessageSource } from "../../../src/server/services/work/sources/scheduled-messages";
import type { JobDeliveryPolicy } from "../../../src/server/services/jobs/deliver-job-item";
import type { Caller } from "../../helpers/actors";
import { uniquePhone, waitForEvent, type EventOf } from "../../helpers/whatsapp";

/** A runner over both sources, as the server runs it, with test timings. Stop it in afterEach. */
export function startBlastRunner(policy: Partial<JobDeliveryPolicy> = {}, opts: Partial<WorkRunnerOptions> = {}): WorkRunner {
  const runner = new WorkRunner({
    sources: [scheduledMessageSource(), jobItemSource({ disconnectedRestMs: 60_000, ...policy })],
    pollMs: 100,
    sweepEveryMs: 100,
    ...opts,
  });
  runner.start();
  return runner;
}

/** Sandbox accounts (they exist on WhatsApp). */
export function contacts(sandbox: StartedSandbox, n: number): string[] {
  return Array.from({ length: n }, () => {
    const phone = uniquePhone();
    sandbox.createAccount({ phone, name: `Contact ${phone.slice(-4)}` });
    return phone;
  });
}

/** Pasted lines `+number,name`. */
export function pasted(phones: string[], name = "Budi"): { source: "paste"; text: string } {
  return { source: "paste", text: phones.map((p) => `+${p},${name}`).join("\n") };
}

export function blast(
  caller: Caller,
  deviceId: string,
  phones: string[],
  opts: { minSeconds?: number; maxSeconds?: number; text?: string } = {},
) {
  return caller.job.create({
    deviceId,
    message: { kind: "text", text: opts.text ?? "Halo {{name}}" },
    recipients: pasted(phones),
    pacing: { preset: "custom", minSeconds: opts.minSeconds ?? 0.05, maxSeconds: opts.maxSeconds ?? 0.1 },
  });
}

export function waitForJob(
  jobId: number,
  predicate: (d: JobProgress) => boolean,
  since: number,
  timeoutMs = 30_000,
): Promise<EventOf<"job.progress">> {
  return waitForEvent("job.progress", (d) => d.jobId === jobId && predicate(d), { since, timeoutMs });
}

export function waitForFinished(jobId: number, since: number, timeoutMs = 60_000): Promise<EventOf<"job.finished">> {
  return waitForEvent("job.finished", (d) => d.jobId === jobId, { since, timeoutMs });
}

export const eventMark = () => eventBus().lastId;

/** How many times each text reached each phone's inbox. */
export function inboxCounts(sandbox: StartedSandbox, phones: string[]): number[] {
  return phones.map((p) => sandbox.inbox(p).length);
}

export function itemsOf(jobId: number) {
  return db().jobItem.findMany({ where: { jobId }, orderBy: { id: "asc" }, include: { message: true } });
}
