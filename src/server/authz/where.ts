import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./actor";

/** The one place where admins bypass ownership: every owned-resource query goes through these builders. */
export function ownedDeviceWhere(actor: Actor, deviceId: string): Prisma.DeviceWhereInput {
  return actor.role === "admin" ? { deviceId } : { deviceId, ownerId: actor.id };
}

/** The same rule as a condition on a driver-pool statement whose Device alias is `d`, with its parameters. */
export function ownedDeviceCondition(actor: Actor): { sql: string; values: unknown[] } {
  return actor.role === "admin" ? { sql: "", values: [] } : { sql: " AND d.`ownerId` = ?", values: [actor.id] };
}

export function ownedByActor(actor: Actor): { ownerId?: number } {
  return actor.role === "admin" ? {} : { ownerId: actor.id };
}
