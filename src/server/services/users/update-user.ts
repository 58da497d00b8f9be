import { AppError } from "../../errors";
import { db } from "../../db";
import { eventBus } from "../../events/bus";
import type { ServiceCall } from "../devices/types";
import { recordAudit } from "../audit/record-audit";
import { adminUserSelect, type AdminUserRow } from "./admin-user-select";

export interface UpdateUserInput extends ServiceCall {
  userId: number;
  email?: string;
  fullName?: string | null;
  role?: "admin" | "user";
  maxDevices?: number;
  dailyMessageLimit?: number;
}

/** Admin: edits an account's details, role and limits; the audit row lists each changed field with before and after. */
export async function updateUser(input: UpdateUserInput): Promise<AdminUserRow> {
  const prisma = db();
  const before = await prisma.user.findUnique({ where: { id: input.userId }, select: adminUserSelect });
  if (!before) throw new AppError("NOT_FOUND", "User not found");
  if (input.role === "user" && input.userId === input.actor.id) throw new AppError("INVALID_INPUT", "You cannot remove your own administrator role");
  if (input.email && input.email !== before.email) {
    const other = await prisma.user.findFirst({ where: { email: input.email, NOT: { id: input.userId } }, select: { id: true } });
    if (other) throw new AppError("CONFLICT", "That email is already registered");
  }
  const fields = { email: input.email, fullName: input.fullName, role: input.role, maxDevices: input.maxDevices, dailyMessageLimit: input.dailyMessageLimit };
  const changes: Record<string, { from: string | number | null; to: string | number | null }> = {};
  for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, string | number | null | undefined]>) {
    if (value !== undefined && value !== before[key]) changes[key] = { from: before[key], to: value };
  }
  if (Object.keys(changes).length === 0) return before;
  const user = await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: input.userId },
      // A role change moves sessionVersion: the JWT carries the role, so old sessions must not keep it.
      data: { ...fields, ...(changes.role ? { sessionVersion: { increment: 1 } } : {}) },
      select: adminUserSelect,
    });
    await recordAudit({ actorId: input.actor.id, action: "user.update", targetType: "user", targetId: input.userId, details: { changes }, ip: input.meta.ip }, tx);
    return updated;
  });
  if (changes.role) eventBus().signal("user.sessionsRevoked", { userId: input.userId });
  return user;
}
