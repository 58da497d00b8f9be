import { z } from "zod";
import { zEmail, zFullName, zPassword, zUsername } from "@/lib/validation";
import { createUser } from "../../../services/users/create-user";
import { deleteUser } from "../../../services/users/delete-user";
import { listUsers } from "../../../services/users/list-users";
import { resetUserPassword } from "../../../services/users/reset-password";
import { setUserActive } from "../../../services/users/set-user-active";
import { updateUser } from "../../../services/users/update-user";
import { userInsights } from "../../../services/users/user-insights";
import { adminProcedure, createTRPCRouter } from "../../trpc";
import { zLimit, zRole, zSearch, zUserId } from "./admin-schema";

const zMaxDevices = z.number().int().min(0, "At least 0").max(1000, "At most 1000");
const zDailyLimit = z.number().int().min(0, "At least 0").max(1_000_000, "At most 1,000,000");

export const adminUsersRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z
        .object({
          search: zSearch.optional(),
          role: zRole.optional(),
          isActive: z.boolean().optional(),
          lastLogin: z.enum(["never", "within7d", "within30d", "over30d"]).optional(),
          limit: zLimit,
          cursor: zUserId.nullish(),
        })
        .default({ limit: 50 }),
    )
    .query(({ input }) => listUsers(input)),

  insights: adminProcedure.input(z.object({ userId: zUserId })).query(({ input }) => userInsights(input.userId)),

  create: adminProcedure
    .input(
      z.object({
        username: zUsername,
        email: zEmail,
        fullName: zFullName.nullish(),
        role: zRole.default("user"),
        password: zPassword.optional(),
        maxDevices: zMaxDevices.optional(),
        dailyMessageLimit: zDailyLimit.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createUser({ actor: ctx.actor, meta: ctx.meta, ...input })),

  update: adminProcedure
    .input(
      z.object({
        userId: zUserId,
        email: zEmail.optional(),
        fullName: zFullName.nullish(),
        role: zRole.optional(),
        maxDevices: zMaxDevices.optional(),
        dailyMessageLimit: zDailyLimit.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateUser({ actor: ctx.actor, meta: ctx.meta, ...input })),

  setActive: adminProcedure
    .input(z.object({ userId: zUserId, isActive: z.boolean() }))
    .mutation(({ ctx, input }) => setUserActive({ actorId: ctx.actor.id, userId: input.userId, isActive: input.isActive, ip: ctx.meta.ip })),

  updateLimits: adminProcedure
    .input(z.object({ userId: zUserId, maxDevices: zMaxDevices.optional(), dailyMessageLimit: zDailyLimit.optional() }))
    .mutation(({ ctx, input }) => updateUser({ actor: ctx.actor, meta: ctx.meta, ...input })),

  resetPassword: adminProcedure
    .input(z.object({ userId: zUserId }))
    .mutation(({ ctx, input }) => resetUserPassword({ actor: ctx.actor, meta: ctx.meta, userId: input.userId })),

  delete: adminProcedure
    .input(z.object({ userId: zUserId }))
    .mutation(({ ctx, input }) => deleteUser({ actor: ctx.actor, meta: ctx.meta, userId: input.userId })),
});
