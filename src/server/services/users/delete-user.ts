import { AppError } from "../../errors";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import { deviceSelect } from "../devices/device-select";
import type { ServiceCall } from "../devices/types";
import { deleteDevice } from "../devices/delete-device";
import { recordAudit } from "../audit/record-audit";
import { userFootprint, type UserFootprint } from "./user-footprint";

/**
 * Admin: deletes an account and everything it owns. The account is locked first (sessions and streams end at once,
 * nothing new can be created), then each device is logged out of WhatsApp and deleted with its messages and
 * statistics, then the account row goes and the rest cascades (contacts, tags, templates, scheduled messages, jobs,
 * uploaded media rows; the files are swept later). Audit rows the user wrote as an admin stay, without the actor.
 */
export async function deleteUser(input: ServiceCall & { userId: number }): Promise<{ id: number; removed: UserFootprint }> {
  if (input.userId === input.actor.id) throw new AppError("INVALID_INPUT", "You cannot delete your own account");
  const prisma = db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, username: true, email: true, role: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const removed = await userFootprint(user.id);
  await prisma.user.update({ where: { id: user.id }, data: { isActive: false, sessionVersion: { increment: 1 } } });
  eventBus().signal("user.sessionsRevoked", { userId: user.id });
  const devices = await prisma.device.findMany({ where: { ownerId: user.id }, select: deviceSelect });
  for (const device of devices) await deleteDevice({ actor: input.actor, meta: input.meta, device });
  await prisma.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "user.delete",
        targetType: "user",
        targetId: user.id,
        details: { username: user.username, email: user.email, role: user.role, removed: { ...removed } },
        ip: input.meta.ip,
      },
      tx,
    );
  });
  return { id: user.id, removed };
}
