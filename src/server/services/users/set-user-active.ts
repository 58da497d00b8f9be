import { AppError } from "../../errors";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import { recordAudit } from "../audit/record-audit";

/** Locks or unlocks an account. Locking ends the user's sessions and open event streams at once. */
export async function setUserActive(input: { actorId: number; userId: number; isActive: boolean; ip: string }) {
  if (input.userId === input.actorId && !input.isActive) throw new AppError("INVALID_INPUT", "You cannot lock your own account");
  const prisma = db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, isActive: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.isActive === input.isActive) return { id: user.id, isActive: user.isActive };
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.user.update({
      where: { id: input.userId },
      // sessionVersion moves on lock so a JWT issued before the lock stays dead after an unlock too.
      data: { isActive: input.isActive, ...(input.isActive ? {} : { sessionVersion: { increment: 1 } }) },
      select: { id: true, isActive: true },
    });
    await recordAudit({ actorId: input.actorId, action: input.isActive ? "user.unlock" : "user.lock", targetType: "user", targetId: input.userId, ip: input.ip }, tx);
    return row;
  });
  if (!input.isActive) eventBus().signal("user.sessionsRevoked", { userId: input.userId });
  return updated;
}
