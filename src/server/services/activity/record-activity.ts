import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";

/** A user's own action, shown to them on /activity. */
export async function recordActivity(input: { userId: number; action: string; details?: Prisma.InputJsonValue; ip?: string }) {
  await db().activityLog.create({
    data: { userId: input.userId, action: input.action, details: input.details, ip: input.ip },
  });
}
