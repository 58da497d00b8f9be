import { z } from "zod";
import { listJobs } from "../../../services/jobs/list-jobs";
import { adminProcedure } from "../../trpc";
import { ZJobListFilterSchema, ZJobSchema } from "../job/job-schema";
import { rest } from "../../rest/rest-meta";

/** Every job, filtered by user, device, state and creation date (admins). */
export const adminJobsRoute = adminProcedure.meta(rest("GET", "/admin/jobs", "Admin", "Every user's jobs (admin)", "admin"))
  .input(ZJobListFilterSchema.extend({ ownerId: z.number().int().positive("Choose a user").optional() }).default({ limit: 20 }))
  .output(z.object({ items: z.array(ZJobSchema), nextCursor: z.number().int().nullable() }))
  .query(({ ctx, input }) => listJobs({ actor: ctx.actor, ...input }));
