import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import type { ServiceCall } from "../devices/types";

export type JobAction = "job.create" | "job.pause" | "job.resume" | "job.cancel" | "job.retry";

/** The actor's activity; an admin's control of a job is audited (SPEC §5: every admin job control). */
export async function recordJobChange(call: ServiceCall & { ownerId: number; action: JobAction; jobId: number; details?: Prisma.JsonObject }): Promise<void> {
  const details = { ...call.details, jobId: call.jobId };
  await recordActivity({ userId: call.actor.id, action: call.action, details, ip: call.meta.ip });
  if (call.actor.role === "admin") {
    await recordAudit({ actorId: call.actor.id, action: call.action, targetType: "job", targetId: call.jobId, details: { ...details, ownerId: call.ownerId }, ip: call.meta.ip });
  }
}
