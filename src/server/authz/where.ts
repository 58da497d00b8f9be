import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./actor";

/** The one place where admins bypass ownership: every owned-resource query goes through these builders. */
export function ownedDeviceWhere(actor: Actor, deviceId: string): Prisma.DeviceWhereInput {
  return actor.role === "admin" ? { deviceId } : { deviceId, ownerId: actor.id };
}

/** The same rule when the actor is the User row aliased `u` of the same statement (no parameters). */
export const OWNED_DEVICE_BY_ACCOUNT_SQL = "(u.`role` = 'admin' OR d.`ownerId` = u.`id`)";

export function ownedByActor(actor: Actor): { ownerId?: number } {
  return actor.role === "admin" ? {} : { ownerId: actor.id };
}
