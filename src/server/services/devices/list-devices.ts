import type { Prisma } from "@/generated/prisma/client";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { deviceSelect } from "./device-select";
import { ownedByActor } from "../../authz/where";
import type { Actor } from "../../authz/actor";
import type { DeviceRow } from "./types";

export interface ListDevicesInput {
  actor: Actor;
  status?: DeviceStatus;
  /** Shorthand for status = connected (the seed's "filter connected"). */
  connectedOnly?: boolean;
  /** Admins only: narrow to one owner. Ignored for users, who only ever see their own. */
  ownerId?: number;
  search?: string;
  cursor?: number;
  limit: number;
}

/** Own devices for users, every device for admins; newest first, paged by id. */
export async function listDevices(input: ListDevicesInput): Promise<{ items: DeviceRow[]; nextCursor: number | null }> {
  const where: Prisma.DeviceWhereInput = {
    ...(input.actor.role === "admin" && input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    ...ownedByActor(input.actor),
    ...(input.connectedOnly ? { status: "connected" } : input.status ? { status: input.status } : {}),
    ...(input.search
      ? { OR: [{ deviceName: { contains: input.search } }, { deviceId: { contains: input.search } }, { phoneNumber: { contains: input.search } }] }
      : {}),
    ...(input.cursor !== undefined ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db().device.findMany({ where, select: deviceSelect, orderBy: { id: "desc" }, take: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}
