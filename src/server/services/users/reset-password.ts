import { AppError } from "../../errors";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import type { ServiceCall } from "../devices/types";
import { recordAudit } from "../audit/record-audit";
import { temporaryPassword } from "./temporary-password";

/**
 * Admin: replaces a user's password with a temporary one (returned once), signs out their sessions and open streams
 * at once, and makes them choose a new password at the next sign-in.
 */
export async function resetUserPassword(input: ServiceCall & { userId: number }): Promise<{ temporaryPassword: string }> {
  if (input.userId === input.actor.id) throw new AppError("INVALID_INPUT", "Change your own password on your profile page");
  const prisma = db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const password = await temporaryPassword();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash: password.hash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await recordAudit({ actorId: input.actor.id, action: "user.resetPassword", targetType: "user", targetId: input.userId, ip: input.meta.ip }, tx);
  });
  eventBus().signal("user.sessionsRevoked", { userId: input.userId });
  return { temporaryPassword: password.plain };
}
