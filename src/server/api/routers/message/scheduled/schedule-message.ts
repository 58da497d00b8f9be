import { scheduleMessage } from "../../../../services/scheduled/schedule-message";
import { deviceProcedure } from "../../../procedures";
import { ZScheduleMessageRequestSchema, ZScheduleMessageResponseSchema } from "./schedule-message.types";

/** Stores a message to send from the device later; the work runner sends it when due (late after downtime). */
export const scheduleMessageRoute = deviceProcedure
  .input(ZScheduleMessageRequestSchema)
  .output(ZScheduleMessageResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, at: input.at.toISOString() }, "message.schedule");
    return scheduleMessage({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ...input });
  });
