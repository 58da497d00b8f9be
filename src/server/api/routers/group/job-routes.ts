import { createGroupMediaJob } from "../../../services/groups/group-media-job";
import { getJob } from "../../../services/jobs/get-job";
import { adminDeviceProcedure } from "../device/admin-device-procedure";
import { ZJobDetailSchema } from "../job/job-schema";
import { ZGroupMediaJobRequestSchema } from "./group-job-schema";

/** Bulk media (or text) to several of the device's groups, as one paced job on the bulk runner (admin only). */
export const createGroupMediaJobRoute = adminDeviceProcedure
  .input(ZGroupMediaJobRequestSchema)
  .output(ZJobDetailSchema)
  .mutation(async ({ ctx, input }) => {
    const { groupJids, message, pacing, start } = input;
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, kind: message.kind, groups: groupJids.length }, "group.createMediaJob");
    const job = await createGroupMediaJob({
      actor: ctx.actor,
      meta: ctx.meta,
      device: ctx.device,
      groupJids,
      message,
      pacing,
      startAt: start.startAt,
      timezone: start.timezone,
    });
    return getJob(ctx.actor, job.id);
  });
