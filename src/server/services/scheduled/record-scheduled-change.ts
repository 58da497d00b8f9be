import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import type { ServiceCall } from "../devices/types";

/** The actor's activity; an admin acting on another user's scheduled message is audited too (SPEC §5). */
export async function recordScheduledChange(
  call: ServiceCall & { ownerId: number; action: "scheduled.create" | "scheduled.cancel"; scheduledId: number; details: Prisma.JsonObject },
): Promise<void> {
  const details = { ...call.details, scheduledId: call.scheduledId };
  await recordActivity({ userId: call.actor.id, action: call.action, details, ip: call.meta.ip });
  if (call.actor.role === "admin" && call.ownerId !== call.actor.id) {
    await recordAudit({
      actorId: call.actor.id,
      action: call.action,
      targetType: "scheduledMessage",
      targetId: call.scheduledId,
      details: { ...details, ownerId: call.ownerId },
      ip: call.meta.ip,
    });
  }
}
