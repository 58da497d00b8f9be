import { z } from "zod";
import { zEmail, zFullName, zPassword, zUsername } from "@/lib/validation";
import { AppError } from "../../../errors";
import { eventBus } from "../../../events/bus";
import { recordActivity } from "../../../services/activity/record-activity";
import { hashPassword, verifyPassword } from "../../../services/auth/password";
import { consume, rateLimiters } from "../../../security/rate-limit";
import { getSetting } from "../../../services/settings/app-settings";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../../trpc";
import { rest } from "../../rest/rest-meta";
import { ZProfileSchema, profileSelect } from "./user-select";

export const authRouter = createTRPCRouter({
  /** Whether the sign-up page accepts new accounts (an admin setting; closed on a new install). */
  signupOpen: publicProcedure.query(async () => ({ open: await getSetting("signupOpen") })),

  register: publicProcedure
    .input(z.object({ username: zUsername, email: zEmail, password: zPassword, fullName: zFullName.optional() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await getSetting("signupOpen"))) throw new AppError("FORBIDDEN", "Sign-up is closed; ask an administrator for an account");
      await consume(rateLimiters().loginIp, ctx.meta.ip, "sign-up attempts from this address");
      const taken = await ctx.db.user.findFirst({
        where: { OR: [{ username: input.username }, { email: input.email }] },
        select: { username: true },
      });
      if (taken) {
        throw new AppError("CONFLICT", taken.username === input.username ? "That username is taken" : "That email is already registered");
      }
      const user = await ctx.db.user.create({
        data: {
          username: input.username,
          email: input.email,
          fullName: input.fullName,
          passwordHash: await hashPassword(input.password),
          role: "user",
        },
        select: profileSelect,
      });
      await recordActivity({ userId: user.id, action: "auth.register", ip: ctx.meta.ip });
      eventBus().publish("admin.userRegistered", { userId: user.id, username: user.username, email: user.email }, { ownerId: null });
      return user;
    }),

  me: protectedProcedure
    .meta(rest("GET", "/me", "Account", "The account the key belongs to"))
    .output(ZProfileSchema)
    .query(async ({ ctx }) => {
    return ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: profileSelect });
  }),

  updateProfile: protectedProcedure
    .input(z.object({ fullName: zFullName.nullable().optional(), email: zEmail.optional() }))
    .mutation(async ({ ctx, input }) => {
      if (input.email) {
        const other = await ctx.db.user.findFirst({ where: { email: input.email, NOT: { id: ctx.actor.id } }, select: { id: true } });
        if (other) throw new AppError("CONFLICT", "That email is already registered");
      }
      const user = await ctx.db.user.update({
        where: { id: ctx.actor.id },
        data: { fullName: input.fullName, email: input.email },
        select: profileSelect,
      });
      await recordActivity({ userId: ctx.actor.id, action: "profile.update", details: { fields: Object.keys(input) }, ip: ctx.meta.ip });
      return user;
    }),

  changePassword: protectedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password").max(128), newPassword: zPassword }))
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { passwordHash: true } });
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new AppError("INVALID_INPUT", "Current password is wrong");
      }
      // Bumping sessionVersion signs out every other session (their JWTs carry the old version).
      await ctx.db.user.update({
        where: { id: ctx.actor.id },
        data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, sessionVersion: { increment: 1 } },
      });
      eventBus().signal("user.sessionsRevoked", { userId: ctx.actor.id });
      await recordActivity({ userId: ctx.actor.id, action: "auth.changePassword", ip: ctx.meta.ip });
      return { ok: true as const };
    }),
});
