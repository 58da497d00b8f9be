import { AppError } from "../../errors";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { adminUserSelect, type AdminUserRow } from "./admin-user-select";
import { temporaryPassword } from "./temporary-password";

export interface CreateUserInput extends ServiceCall {
  username: string;
  email: string;
  fullName?: string | null;
  role: "admin" | "user";
  /** Omitted: a temporary password is generated and returned once. */
  password?: string;
  maxDevices?: number;
  dailyMessageLimit?: number;
}

/**
 * Admin: creates an account. The admin knows its first password, so the user must choose their own at the first
 * sign-in. The generated password (if any) is returned once and never stored or logged in clear.
 */
export async function createUser(input: CreateUserInput): Promise<{ user: AdminUserRow; temporaryPassword: string | null }> {
  const taken = await db().user.findFirst({ where: { OR: [{ username: input.username }, { email: input.email }] }, select: { username: true } });
  if (taken) throw new AppError("CONFLICT", taken.username === input.username ? "That username is taken" : "That email is already registered");
  const generated = input.password ? null : await temporaryPassword();
  const passwordHash = generated ? generated.hash : await hashPassword(input.password!);
  let user: AdminUserRow;
  try {
    user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          username: input.username,
          email: input.email,
          fullName: input.fullName ?? null,
          role: input.role,
          passwordHash,
          mustChangePassword: true,
          maxDevices: input.maxDevices,
          dailyMessageLimit: input.dailyMessageLimit,
        },
        select: adminUserSelect,
      });
      await recordAudit(
        {
          actorId: input.actor.id,
          action: "user.create",
          targetType: "user",
          targetId: created.id,
          details: { username: created.username, email: created.email, role: created.role, maxDevices: created.maxDevices, dailyMessageLimit: created.dailyMessageLimit },
          ip: input.meta.ip,
        },
        tx,
      );
      return created;
    });
  } catch (error) {
    // Two admins creating the same account at once: the unique keys decide.
    if ((error as { code?: unknown }).code === "P2002") throw new AppError("CONFLICT", "That username or email is already registered");
    throw error;
  }
  return { user, temporaryPassword: generated?.plain ?? null };
}
