import type { Prisma } from "@/generated/prisma/client";
import type { JobItemStatus } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { ownedByActor } from "../../authz/where";
import { AppError } from "../../errors";
import { db } from "../../db";

export const jobItemSelect = {
  id: true,
  recipient: true,
  name: true,
  status: true,
  attempts: true,
  error: true,
  sentAt: true,
  finishedAt: true,
  message: { select: { id: true, status: true, error: true, updatedAt: true } },
} as const satisfies Prisma.JobItemSelect;

export type JobItemView = Prisma.JobItemGetPayload<{ select: typeof jobItemSelect }>;

export interface ListJobItemsInput {
  actor: Actor;
  jobId: number;
  status?: JobItemStatus;
  /** Part of the number or name. */
  search?: string;
  page: number;
  pageSize: number;
}

export function jobItemsWhere(jobId: number, input: Pick<ListJobItemsInput, "status" | "search">): Prisma.JobItemWhereInput {
  return {
    jobId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.search ? { OR: [{ recipient: { contains: input.search } }, { name: { contains: input.search } }] } : {}),
  };
}

/** The job's recipients page by page, in the order they are sent; another user's job is NOT_FOUND. */
export async function listJobItems(input: ListJobItemsInput): Promise<{ items: JobItemView[]; total: number }> {
  const job = await db().job.findFirst({ where: { id: input.jobId, ...ownedByActor(input.actor) }, select: { id: true } });
  if (!job) throw new AppError("NOT_FOUND", "Job not found");
  const where = jobItemsWhere(job.id, input);
  const [items, total] = await Promise.all([
    db().jobItem.findMany({ where, select: jobItemSelect, orderBy: { id: "asc" }, skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
    db().jobItem.count({ where }),
  ]);
  return { items, total };
}
