import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { recordActivity } from "../activity/record-activity";
import type { ServiceCall } from "../devices/types";

export interface OwnedChange extends ServiceCall {
  /** Owner of the changed contact, tag or template. */
  ownerId: number;
  action: string;
  targetType: "contact" | "tag" | "template" | "webhook";
  targetId?: string | number;
  details?: Prisma.JsonObject;
}

/** Every change lands in the actor's activity; an admin changing another user's data is audited as well (SPEC §5). */
export async function recordOwnedChange(change: OwnedChange): Promise<void> {
  const details = { ...change.details, ...(change.targetId === undefined ? {} : { [`${change.targetType}Id`]: change.targetId }) };
  await recordActivity({ userId: change.actor.id, action: change.action, details, ip: change.meta.ip });
  if (change.actor.role === "admin" && change.ownerId !== change.actor.id) {
    await recordAudit({
      actorId: change.actor.id,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      details: { ...change.details, ownerId: change.ownerId },
      ip: change.meta.ip,
    });
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
