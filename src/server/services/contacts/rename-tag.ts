import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { tagSelect, toTagView, type TagView } from "./contact-select";
import { duplicateTagError } from "./create-tag";
import { isUniqueViolation, recordOwnedChange } from "./record-change";

export type TagTarget = { id: number; ownerId: number; name: string };

/** Renames (and optionally recolours; null clears the colour) a tag; its contacts keep it. */
export async function renameTag(input: ServiceCall & { tag: TagTarget; name: string; color?: string | null }): Promise<TagView> {
  const { tag } = input;
  const row = await db()
    .tag.update({ where: { id: tag.id, ownerId: tag.ownerId }, data: { name: input.name, color: input.color }, select: tagSelect })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateTagError(input.name, error) : error;
    });
  await recordOwnedChange({
    ...input,
    ownerId: tag.ownerId,
    action: "tag.rename",
    targetType: "tag",
    targetId: tag.id,
    details: { from: tag.name, to: row.name },
  });
  return toTagView(row);
}
