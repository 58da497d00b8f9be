import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { listOwnerId } from "../../authz/owned";
import type { Actor } from "../../authz/actor";
import { templateSelect, toTemplateView, type TemplateView } from "./template-select";

export interface ListTemplatesInput {
  actor: Actor;
  /** Admins only: another user's templates. */
  ownerId?: number;
  search?: string;
  cursor?: number;
  limit: number;
}

/** The latest version of each live template, most recently saved first, with the total for the filter. */
export async function listTemplates(input: ListTemplatesInput): Promise<{ items: TemplateView[]; nextCursor: number | null; total: number }> {
  const prisma = db();
  const where: Prisma.TemplateWhereInput = {
    ownerId: listOwnerId(input.actor, input.ownerId),
    isLatest: true,
    deletedAt: null,
    ...(input.search ? { OR: [{ name: { contains: input.search } }, { body: { contains: input.search } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.template.findMany({
      where: { ...where, ...(input.cursor !== undefined ? { id: { lt: input.cursor } } : {}) },
      select: templateSelect,
      orderBy: { id: "desc" },
      take: input.limit + 1,
    }),
    prisma.template.count({ where }),
  ]);
  const items = rows.slice(0, input.limit).map(toTemplateView);
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null, total };
}

/** Every version of a live template, newest first. */
export async function listTemplateVersions(template: { baseId: string; ownerId: number }): Promise<TemplateView[]> {
  const rows = await db().template.findMany({
    where: { baseId: template.baseId, ownerId: template.ownerId, deletedAt: null },
    select: templateSelect,
    orderBy: { version: "desc" },
  });
  return rows.map(toTemplateView);
}
