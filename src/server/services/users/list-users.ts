import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { adminUserSelect, type AdminUserRow } from "./admin-user-select";

export type LastLoginFilter = "never" | "within7d" | "within30d" | "over30d";

export interface UserListFilter {
  search?: string;
  role?: "admin" | "user";
  isActive?: boolean;
  lastLogin?: LastLoginFilter;
}

const DAY_MS = 86_400_000;

function lastLoginWhere(filter: LastLoginFilter | undefined, now: Date): Prisma.UserWhereInput {
  if (!filter) return {};
  if (filter === "never") return { lastLogin: null };
  if (filter === "within7d") return { lastLogin: { gte: new Date(now.getTime() - 7 * DAY_MS) } };
  if (filter === "within30d") return { lastLogin: { gte: new Date(now.getTime() - 30 * DAY_MS) } };
  return { lastLogin: { lt: new Date(now.getTime() - 30 * DAY_MS) } };
}

export function userFilterWhere(filter: UserListFilter, now = new Date()): Prisma.UserWhereInput {
  return {
    role: filter.role,
    isActive: filter.isActive,
    ...lastLoginWhere(filter.lastLogin, now),
    ...(filter.search
      ? { OR: [{ username: { contains: filter.search } }, { email: { contains: filter.search } }, { fullName: { contains: filter.search } }] }
      : {}),
  };
}

/** Accounts in id order, one keyset page at a time. */
export async function listUsers(input: UserListFilter & { limit: number; cursor?: number | null }): Promise<{ items: AdminUserRow[]; nextCursor: number | null }> {
  const rows = await db().user.findMany({
    where: { AND: [userFilterWhere(input), input.cursor ? { id: { gt: input.cursor } } : {}] },
    select: adminUserSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}
