import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { recordOwnedChange } from "./record-change";
import type { TagTarget } from "./rename-tag";

/** Deletes the tag; contacts lose it and are otherwise untouched. */
export async function deleteTag(input: ServiceCall & { tag: TagTarget }): Promise<{ id: number }> {
  const { tag } = input;
  await db().tag.delete({ where: { id: tag.id, ownerId: tag.ownerId } });
  await recordOwnedChange({ ...input, ownerId: tag.ownerId, action: "tag.delete", targetType: "tag", targetId: tag.id, details: { name: tag.name } });
  return { id: tag.id };
}
