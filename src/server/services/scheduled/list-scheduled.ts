import type { Prisma } from "@/generated/prisma/client";
import type { ScheduledStatus } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { ownedByActor, ownedDeviceWhere } from "../../authz/where";
import { AppError } from "../../errors";
import { db } from "../../db";
import { scheduledSelect, toScheduledViews, type ScheduledView } from "./scheduled-select";

export interface ListScheduledInput {
  actor: Actor;
  /** One device (NOT_FOUND unless the caller's, or any for admins); all of the caller's (everyone's for admins) when absent. */
  deviceId?: string;
  status?: ScheduledStatus;
  /** Id of the last row of the previous page (its nextCursor). */
  cursor?: number;
  limit: number;
}

/**
 * Scheduled messages, latest schedule time first (ties by id), paged by keyset; the (ownerId, scheduleTime) and
 * (deviceId, scheduleTime) indexes serve both scopes.
 */
export async function listScheduled(input: ListScheduledInput): Promise<{ items: ScheduledView[]; nextCursor: number | null }> {
  const prisma = db();
  let scope: Prisma.ScheduledMessageWhereInput = ownedByActor(input.actor);
  if (input.deviceId !== undefined) {
    const device = await prisma.device.findFirst({ where: ownedDeviceWhere(input.actor, input.deviceId), select: { id: true } });
    if (!device) throw new AppError("NOT_FOUND", "Device not found");
    scope = { ...scope, deviceId: device.id };
  }
  if (input.status) scope = { ...scope, status: input.status };
  let after: Prisma.ScheduledMessageWhereInput = {};
  if (input.cursor !== undefined) {
    const anchor = await prisma.scheduledMessage.findFirst({ where: { ...scope, id: input.cursor }, select: { id: true, scheduleTime: true } });
    if (!anchor) return { items: [], nextCursor: null };
    after = { OR: [{ scheduleTime: { lt: anchor.scheduleTime } }, { scheduleTime: anchor.scheduleTime, id: { lt: anchor.id } }] };
  }
  const rows = await prisma.scheduledMessage.findMany({
    where: { ...scope, ...after },
    select: scheduledSelect,
    orderBy: [{ scheduleTime: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return { items: await toScheduledViews(page), nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null };
}
