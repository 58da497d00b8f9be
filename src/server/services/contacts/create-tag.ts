import { AppError } from "../../errors";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { tagSelect, toTagView, type TagView } from "./contact-select";
import { isUniqueViolation, recordOwnedChange } from "./record-change";

export function duplicateTagError(name: string, cause?: unknown): AppError {
  return new AppError("CONFLICT", `You already have a tag named "${name}"`, { cause });
}

/** Tag names are unique per owner, ignoring case (the column's collation): "VIP" and "vip" are one tag. */
export async function createTag(input: ServiceCall & { name: string; color?: string | null }): Promise<TagView> {
  const ownerId = input.actor.id;
  const row = await db()
    .tag.create({ data: { ownerId, name: input.name, color: input.color ?? null }, select: tagSelect })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateTagError(input.name, error) : error;
    });
  await recordOwnedChange({ ...input, ownerId, action: "tag.create", targetType: "tag", targetId: row.id, details: { name: row.name } });
  return toTagView(row);
}
