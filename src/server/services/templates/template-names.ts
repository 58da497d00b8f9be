import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";

/**
 * Serializes template writes per owner by locking the owner's row: names are unique among an owner's live
 * templates, and no index can say "unique among latest, not deleted", so the check and the write must not race.
 */
export async function lockTemplateOwner(tx: Prisma.TransactionClient, ownerId: number): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT \`id\` FROM \`User\` WHERE \`id\` = ${ownerId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Owner not found");
}

/** CONFLICT when another live template of the owner has this name (case-insensitive, like the column's collation). */
export async function assertTemplateNameFree(
  tx: Prisma.TransactionClient,
  ownerId: number,
  name: string,
  exceptBaseId?: string,
): Promise<void> {
  const clash = await tx.template.findFirst({
    where: { ownerId, name, isLatest: true, deletedAt: null, ...(exceptBaseId ? { baseId: { not: exceptBaseId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("CONFLICT", `You already have a template named "${name}"; choose another name`);
}
