import { db } from "../../db";
import { listOwnerId } from "../../authz/owned";
import type { Actor } from "../../authz/actor";
import { tagSelect, toTagView, type TagView } from "./contact-select";

/** An owner's tags A→Z with their contact counts (a user has tens of tags, so no paging). */
export async function listTags(input: { actor: Actor; ownerId?: number }): Promise<TagView[]> {
  const rows = await db().tag.findMany({ where: { ownerId: listOwnerId(input.actor, input.ownerId) }, select: tagSelect, orderBy: { name: "asc" } });
  return rows.map(toTagView);
}
