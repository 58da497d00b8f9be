import { z } from "zod";
import { cancelJob, pauseJob, resumeJob, retryJob } from "../../../services/jobs/control-job";
import { getJob } from "../../../services/jobs/get-job";
import { adminProcedure, protectedProcedure } from "../../trpc";
import { zJobId } from "./blast-schema";
import { ZJobDetailSchema } from "./job-schema";

const ZControl = z.object({ id: zJobId });

/** Owners and admins: pause takes effect before the next send. */
export const pauseJobRoute = protectedProcedure
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await pauseJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });

export const resumeJobRoute = protectedProcedure
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await resumeJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });

export const cancelJobRoute = protectedProcedure
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await cancelJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });

/** Admins only (SPEC §2): re-queues the failed items. */
export const retryJobRoute = adminProcedure
  .input(ZControl)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    await retryJob({ actor: ctx.actor, meta: ctx.meta, id: input.id });
    return getJob(ctx.actor, input.id);
  });
