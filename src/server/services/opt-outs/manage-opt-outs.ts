import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { recordActivity } from "../activity/record-activity";
import type { ServiceCall } from "../devices/types";
import { readOptOutKeywords } from "./opt-out-keywords";

export const optOutSelect = {
  id: true,
  phone: true,
  keyword: true,
  createdAt: true,
  device: { select: { deviceId: true, deviceName: true } },
} as const satisfies Prisma.OptOutSelect;

export type OptOutView = Prisma.OptOutGetPayload<{ select: typeof optOutSelect }>;

/** The caller's own opt-out list (an opt-out list is per owner: even admins see their own here). */
export async function listOptOuts(input: { ownerId: number; search?: string; cursor?: number; limit: number }): Promise<{ items: OptOutView[]; nextCursor: number | null }> {
  const rows = await db().optOut.findMany({
    where: { ownerId: input.ownerId, ...(input.search ? { phone: { contains: input.search } } : {}), ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    select: optOutSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The owner takes a number off their list (it may get their blasts again); someone else's entry is NOT_FOUND. */
export async function removeOptOut(input: ServiceCall & { id: number }): Promise<void> {
  const { count } = await db().optOut.deleteMany({ where: { id: input.id, ownerId: input.actor.id } });
  if (count === 0) throw new AppError("NOT_FOUND", "Opt-out not found");
  await recordActivity({ userId: input.actor.id, action: "optOut.remove", details: { optOutId: input.id }, ip: input.meta.ip });
}

/** The owner adds a number by hand (asked by phone or email). Already listed → kept as it was. */
export async function addOptOut(input: ServiceCall & { phone: string }): Promise<OptOutView> {
  await db().optOut.createMany({ data: [{ ownerId: input.actor.id, phone: input.phone }], skipDuplicates: true });
  await recordActivity({ userId: input.actor.id, action: "optOut.add", details: { phone: input.phone }, ip: input.meta.ip });
  return db().optOut.findUniqueOrThrow({ where: { ownerId_phone: { ownerId: input.actor.id, phone: input.phone } }, select: optOutSelect });
}

export async function getOptOutKeywords(ownerId: number): Promise<string[]> {
  const user = await db().user.findUniqueOrThrow({ where: { id: ownerId }, select: { optOutKeywords: true } });
  return readOptOutKeywords(user.optOutKeywords);
}

export async function setOptOutKeywords(input: ServiceCall & { keywords: string[] }): Promise<string[]> {
  await db().user.update({ where: { id: input.actor.id }, data: { optOutKeywords: input.keywords } });
  await recordActivity({ userId: input.actor.id, action: "optOut.keywords", details: { keywords: input.keywords }, ip: input.meta.ip });
  return input.keywords;
}
