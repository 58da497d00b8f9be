import type { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { ownedByActor } from "../../authz/where";
import { db } from "../../db";
import { jobSelect, toJobViews, type JobView } from "./job-views";

export interface ListJobsInput {
  actor: Actor;
  deviceId?: string;
  status?: JobStatus;
  /** Admins only: one user's jobs (ignored for users, who only ever see their own). */
  ownerId?: number;
  from?: Date;
  to?: Date;
  cursor?: number;
  limit: number;
}

/** Newest first, by id cursor; users see their own jobs, admins every job (optionally filtered). */
export async function listJobs(input: ListJobsInput): Promise<{ items: JobView[]; nextCursor: number | null }> {
  const where: Prisma.JobWhereInput = {
    ...ownedByActor(input.actor),
    ...(input.actor.role === "admin" && input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    ...(input.deviceId ? { device: { deviceId: input.deviceId } } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db().job.findMany({ where, select: jobSelect, orderBy: { id: "desc" }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return { items: await toJobViews(page), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
