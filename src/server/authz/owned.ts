import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./actor";
import { ownedByActor } from "./where";

/** A user's own contact; admins reach any. Another user's contact matches nothing (NOT_FOUND upstream). */
export function ownedContactWhere(actor: Actor, id: number): Prisma.ContactWhereInput {
  return { id, ...ownedByActor(actor) };
}

export function ownedTagWhere(actor: Actor, id: number): Prisma.TagWhereInput {
  return { id, ...ownedByActor(actor) };
}

/** One version of a template that is not deleted (deleting a template deletes every version). */
export function ownedTemplateWhere(actor: Actor, id: number): Prisma.TemplateWhereInput {
  return { id, deletedAt: null, ...ownedByActor(actor) };
}

/**
 * Whose list to show: everyone sees their own; an admin may name another owner. A user naming someone else
 * still sees only their own, so the scope can never be widened from input.
 */
export function listOwnerId(actor: Actor, requestedOwnerId: number | undefined): number {
  return actor.role === "admin" && requestedOwnerId !== undefined ? requestedOwnerId : actor.id;
}
