import { z } from "zod";
import { createJob } from "../../../services/jobs/create-job";
import { getJob } from "../../../services/jobs/get-job";
import { deviceProcedure } from "../../procedures";
import { ZBlastRequestSchema, ZStartSchema } from "./blast-schema";
import { ZJobDetailSchema } from "./job-schema";
import { rest } from "../../rest/rest-meta";

/** Starts a blast from the device (now or at a time); refused with nothing written when the review has no recipients. */
export const createJobRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/jobs", "Jobs", "Start a blast", "send"))
  .input(ZBlastRequestSchema)
  .input(z.object({ start: ZStartSchema.prefault({}) }))
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    const { start, message, recipients, pacing } = input;
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, kind: message.kind, source: recipients.source }, "job.create");
    const job = await createJob({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, message, recipients, pacing, ...start });
    return getJob(ctx.actor, job.id);
  });
