import { z } from "zod";
import { cancelJob, pauseJob, resumeJob, retryJob } from "../../../services/jobs/control-job";
import { getJob } from "../../../services/jobs/get-job";
import { adminProcedure, protectedProcedure } from "../../trpc";
import { zJobId } from "./blast-schema";
import { ZJobDetailSchema } from "./job-schema";
import { rest } from "../../rest/rest-meta";

const ZControl = z.object({ id: zJobId });

/** Owners and admins: pause takes effect before the next send. */
export const pauseJobRoute = protectedProcedure.meta(rest("POST", "/jobs/{id}/pause", "Jobs", "Pause a job", "send"))
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await pauseJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });

export const resumeJobRoute = protectedProcedure.meta(rest("POST", "/jobs/{id}/resume", "Jobs", "Resume a job", "send"))
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await resumeJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });

export const cancelJobRoute = protectedProcedure.meta(rest("POST", "/jobs/{id}/cancel", "Jobs", "Cancel a job", "send"))
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await cancelJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });

/** Admins only (SPEC §2): re-queues the failed items. */
export const retryJobRoute = adminProcedure.meta(rest("POST", "/jobs/{id}/retry", "Jobs", "Retry failed recipients (admin)", "admin"))
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await retryJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });
