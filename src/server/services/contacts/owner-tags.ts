import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";

/** The distinct ids, after checking every one is a tag of `ownerId`; another user's tag is NOT_FOUND like a missing one. */
export async function assertOwnerTags(tx: Prisma.TransactionClient, ownerId: number, tagIds: readonly number[]): Promise<number[]> {
  const ids = [...new Set(tagIds)];
  if (ids.length === 0) return ids;
  const found = await tx.tag.findMany({ where: { ownerId, id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) {
    const known = new Set(found.map((t) => t.id));
    const missing = ids.filter((id) => !known.has(id));
    throw new AppError("NOT_FOUND", missing.length === 1 ? `Tag ${missing[0]} not found` : `Tags ${missing.join(", ")} not found`);
  }
  return ids;
}
