import { db } from "../../src/server/db";
import type { Caller } from "./actors";

/**
 * A blast of two recipients created through the owner's API, paused by the owner, with one recipient marked as a
 * failed send (as the delivery step records one): every job control (pause, resume, cancel, retry) is then valid.
 * No runner is needed: nothing picks the job up while it is paused.
 */
export async function pausedJobWithFailure(owner: Caller, deviceId: string): Promise<number> {
  const job = await owner.job.create({
    deviceId,
    message: { kind: "text", text: "Halo {{name}}" },
    recipients: { source: "paste", text: "0812-3456-7890,Budi\n0812-3456-7891,Sari" },
  });
  await owner.job.pause({ id: job.id });
  const item = await db().jobItem.findFirstOrThrow({ where: { jobId: job.id }, orderBy: { id: "asc" }, select: { id: true } });
  await db().$transaction([
    db().jobItem.update({ where: { id: item.id }, data: { status: "failed", attempts: 1, error: "Not on WhatsApp", finishedAt: new Date() } }),
    db().job.update({ where: { id: job.id }, data: { failed: { increment: 1 } } }),
  ]);
  return job.id;
}
