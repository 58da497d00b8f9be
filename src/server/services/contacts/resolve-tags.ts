import type { Prisma } from "@/generated/prisma/client";

/** Whether two tag names are the same tag: case- and accent-insensitive, like the column's utf8mb4_unicode_ci collation. */
function sameTagName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: "base" }) === 0;
}

/**
 * The owner's tag id for each name (keyed by lower-cased name), creating the tags that do not exist yet.
 * Matching follows the unique index's collation, so "VIP" in a file reuses an existing "vip".
 */
export async function resolveTagIds(tx: Prisma.TransactionClient, ownerId: number, names: readonly string[]): Promise<Map<string, number>> {
  const wanted = new Map<string, string>();
  for (const name of names) if (!wanted.has(name.toLowerCase())) wanted.set(name.toLowerCase(), name);
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const find = () => tx.tag.findMany({ where: { ownerId, name: { in: [...wanted.values()] } }, select: { id: true, name: true } });
  const lookup = (tags: Array<{ id: number; name: string }>) => {
    for (const [key, name] of wanted) {
      const tag = tags.find((t) => sameTagName(t.name, name));
      if (tag) ids.set(key, tag.id);
    }
  };
  lookup(await find());
  const missing = [...wanted].filter(([key]) => !ids.has(key)).map(([, name]) => name);
  if (missing.length > 0) {
    await tx.tag.createMany({ data: missing.map((name) => ({ ownerId, name })), skipDuplicates: true });
    lookup(await find());
  }
  return ids;
}
