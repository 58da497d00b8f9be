import { z } from "zod";
import { JobItemStatus } from "@/generated/prisma/enums";
import { getJob } from "../../../services/jobs/get-job";
import { listJobItems } from "../../../services/jobs/list-job-items";
import { listJobs } from "../../../services/jobs/list-jobs";
import { protectedProcedure } from "../../trpc";
import { zJobId } from "./blast-schema";
import { ZJobDetailSchema, ZJobItemSchema, ZJobListFilterSchema, ZJobSchema } from "./job-schema";
import { rest } from "../../rest/rest-meta";

/** The caller's jobs, newest first (every job for admins). */
export const listJobsRoute = protectedProcedure.meta(rest("GET", "/jobs", "Jobs", "List jobs"))
  .input(ZJobListFilterSchema.default({ limit: 20 }))
  .output(z.object({ items: z.array(ZJobSchema), nextCursor: z.number().int().nullable() }))
  .query(({ ctx, input }) => listJobs({ actor: ctx.actor, ...input }));

export const getJobRoute = protectedProcedure.meta(rest("GET", "/jobs/{id}", "Jobs", "Get a job with progress"))
  .input(z.object({ id: zJobId }))
  .output(ZJobDetailSchema)
  .query(({ ctx, input }) => getJob(ctx.actor, input.id));

/** Every recipient of a job with status, error and times; filter by status or number/name, page by page. */
export const listJobItemsRoute = protectedProcedure.meta(rest("GET", "/jobs/{id}/items", "Jobs", "A job's recipients"))
  .input(
    z.object({
      id: zJobId,
      status: z.enum(JobItemStatus, { error: "Unknown recipient state" }).optional(),
      search: z.string().trim().max(64, "Search text is too long").optional(),
      page: z.number().int().min(1, "Pages start at 1").max(100_000).default(1),
      pageSize: z.number().int().min(1, "Page size must be at least 1").max(200, "Page size must be at most 200").default(50),
    }),
  )
  .output(z.object({ items: z.array(ZJobItemSchema), total: z.number().int() }))
  .query(({ ctx, input }) => listJobItems({ actor: ctx.actor, jobId: input.id, status: input.status, search: input.search || undefined, page: input.page, pageSize: input.pageSize }));
