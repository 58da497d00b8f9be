import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { listOwnerId } from "../../authz/owned";
import type { Actor } from "../../authz/actor";
import { contactFilterWhere, type ContactFilter } from "./contact-where";
import { withOptOuts, type ContactWithOptOut } from "./contact-opt-outs";
import { contactSelect, toContactView } from "./contact-select";

export interface ListContactsInput extends ContactFilter {
  actor: Actor;
  /** Admins only: another user's contacts. */
  ownerId?: number;
  /** Id of the last contact of the previous page (its nextCursor). */
  cursor?: number;
  limit: number;
}

/** Contacts A→Z by name (ties by id), paged by keyset on (name, id) so deep pages cost the same; with the total. */
export async function listContacts(input: ListContactsInput): Promise<{ items: ContactWithOptOut[]; nextCursor: number | null; total: number }> {
  const prisma = db();
  const where = contactFilterWhere(listOwnerId(input.actor, input.ownerId), input);
  let after: Prisma.ContactWhereInput = {};
  if (input.cursor !== undefined) {
    const anchor = await prisma.contact.findFirst({ where: { ...where, id: input.cursor }, select: { id: true, name: true } });
    if (!anchor) return { items: [], nextCursor: null, total: await prisma.contact.count({ where }) };
    after = { OR: [{ name: { gt: anchor.name } }, { name: anchor.name, id: { gt: anchor.id } }] };
  }
  const [rows, total] = await Promise.all([
    prisma.contact.findMany({
      where: { AND: [where, after] },
      select: contactSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: input.limit + 1,
    }),
    prisma.contact.count({ where }),
  ]);
  const items = await withOptOuts(rows.slice(0, input.limit).map(toContactView));
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null, total };
}
