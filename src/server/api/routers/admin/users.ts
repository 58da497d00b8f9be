import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../../errors";
import { recordAudit } from "../../../services/audit/record-audit";
import { setUserActive } from "../../../services/users/set-user-active";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const adminUserSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  avatar: true,
  role: true,
  isActive: true,
  lastLogin: true,
  maxDevices: true,
  dailyMessageLimit: true,
  createdAt: true,
  _count: { select: { devices: true } },
} satisfies Prisma.UserSelect;

const zUserId = z.number().int().positive();

export const adminUsersRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z
        .object({
          search: z.string().trim().max(100).optional(),
          role: z.enum(["admin", "user"]).optional(),
          isActive: z.boolean().optional(),
          limit: z.number().int().min(1).max(200).default(50),
          cursor: zUserId.nullish(),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const where: Prisma.UserWhereInput = {
        ...(input.cursor ? { id: { gt: input.cursor } } : {}),
        role: input.role,
        isActive: input.isActive,
        ...(input.search
          ? { OR: [{ username: { contains: input.search } }, { email: { contains: input.search } }, { fullName: { contains: input.search } }] }
          : {}),
      };
      const rows = await ctx.db.user.findMany({
        where,
        select: adminUserSelect,
        orderBy: { id: "asc" },
        take: input.limit + 1,
      });
      const hasMore = rows.length > input.limit;
      const items = hasMore ? rows.slice(0, input.limit) : rows;
      return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
    }),

  setActive: adminProcedure
    .input(z.object({ userId: zUserId, isActive: z.boolean() }))
    .mutation(({ ctx, input }) => setUserActive({ actorId: ctx.actor.id, userId: input.userId, isActive: input.isActive, ip: ctx.meta.ip })),

  updateLimits: adminProcedure
    .input(
      z.object({
        userId: zUserId,
        maxDevices: z.number().int().min(0).max(1000).optional(),
        dailyMessageLimit: z.number().int().min(0).max(1_000_000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const exists = await ctx.db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "User not found");
      const user = await ctx.db.user.update({
        where: { id: input.userId },
        data: { maxDevices: input.maxDevices, dailyMessageLimit: input.dailyMessageLimit },
        select: adminUserSelect,
      });
      await recordAudit({
        actorId: ctx.actor.id,
        action: "user.updateLimits",
        targetType: "user",
        targetId: input.userId,
        details: { maxDevices: input.maxDevices ?? null, dailyMessageLimit: input.dailyMessageLimit ?? null },
        ip: ctx.meta.ip,
      });
      return user;
    }),
});
