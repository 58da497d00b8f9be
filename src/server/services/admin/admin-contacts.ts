import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { contactSearchWhere } from "../contacts/contact-where";
import { contactSelect, toContactView, type ContactView } from "../contacts/contact-select";

export interface AdminContactFilter {
  ownerId?: number;
  /** A tag name: tags are per user, so the same name on several users' contacts matches all of them. */
  tag?: string;
  search?: string;
}

export function adminContactWhere(filter: AdminContactFilter): Prisma.ContactWhereInput {
  return {
    ...(filter.ownerId !== undefined ? { ownerId: filter.ownerId } : {}),
    ...(filter.tag ? { tags: { some: { tag: { name: filter.tag } } } } : {}),
    ...(filter.search ? contactSearchWhere(filter.search) : {}),
  };
}

export type AdminContact = ContactView & { owner: { id: number; username: string } };

/** Admin: every user's contacts with their owner, by id, keyset-paged. */
export async function listAdminContacts(input: AdminContactFilter & { cursor?: number | null; limit: number }): Promise<{ items: AdminContact[]; nextCursor: number | null }> {
  const rows = await db().contact.findMany({
    where: { AND: [adminContactWhere(input), input.cursor ? { id: { gt: input.cursor } } : {}] },
    select: { ...contactSelect, owner: { select: { id: true, username: true } } },
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(({ owner, ...row }) => ({ ...toContactView(row), owner }));
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

/** Tag names and owners that have contacts: the choices of the contact filters. */
export async function adminContactFilterValues(): Promise<{ tags: string[]; owners: Array<{ id: number; username: string }> }> {
  const prisma = db();
  const [tags, owners] = await Promise.all([
    prisma.tag.findMany({ distinct: ["name"], select: { name: true }, orderBy: { name: "asc" }, take: 500 }),
    prisma.user.findMany({ where: { contacts: { some: {} } }, select: { id: true, username: true }, orderBy: { username: "asc" }, take: 500 }),
  ]);
  return { tags: tags.map((t) => t.name), owners };
}
