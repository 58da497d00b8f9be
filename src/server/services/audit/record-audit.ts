import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";

/**
 * Admin actions (create/update/delete, lock, wipe, job control, export) with actor, target and IP — SPEC §5 Audit.
 * Pass the transaction that makes the change, so the change and its audit row are written together or not at all.
 */
export async function recordAudit(
  input: {
  actorId: number;
  action: string;
  targetType: string;
  targetId?: string | number;
  details?: Prisma.InputJsonValue;
  ip?: string;
  },
  client: Prisma.TransactionClient = db(),
) {
  await client.auditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId === undefined ? undefined : String(input.targetId),
      details: input.details,
      ip: input.ip,
    },
  });
}
