import type { Prisma } from "@/generated/prisma/client";
import { defaultCallingCode } from "@/lib/phone";

export interface ContactFilter {
  tagIds?: number[];
  /** "any" (default): contacts with at least one of the tags; "all": contacts with every one of them. */
  tagMatch?: "any" | "all";
  /** Part of the name, or of the number as typed ("0812 34", "+62812", "81234"). */
  search?: string;
}

export function contactSearchWhere(search: string): Prisma.ContactWhereInput {
  const digits = search.replace(/\D/g, "");
  const phones = new Set<string>();
  if (digits.length >= 3) phones.add(digits);
  // A national number ("0812…") is stored as +62812…: search for it the way it is stored as well.
  if (digits.length >= 4 && digits.startsWith("0")) phones.add(`${defaultCallingCode()}${digits.slice(1)}`);
  return { OR: [{ name: { contains: search } }, ...[...phones].map((p) => ({ phone: { contains: p } }))] };
}

/** One owner's contacts matching the filter; used by contact.list and the CSV export alike. */
export function contactFilterWhere(ownerId: number, filter: ContactFilter): Prisma.ContactWhereInput {
  const and: Prisma.ContactWhereInput[] = [];
  const tagIds = filter.tagIds ?? [];
  if (tagIds.length > 0) {
    if (filter.tagMatch === "all") and.push(...tagIds.map((tagId) => ({ tags: { some: { tagId } } })));
    else and.push({ tags: { some: { tagId: { in: tagIds } } } });
  }
  if (filter.search) and.push(contactSearchWhere(filter.search));
  return { ownerId, ...(and.length > 0 ? { AND: and } : {}) };
}
