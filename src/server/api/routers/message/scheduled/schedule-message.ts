import { scheduleMessage } from "../../../../services/scheduled/schedule-message";
import { deviceProcedure } from "../../../procedures";
import { rest } from "../../../rest/rest-meta";
import { ZScheduleMessageRequestSchema, ZScheduleMessageResponseSchema, toScheduleCall } from "./schedule-message.types";

/** Stores a message to send from the device later; the work runner sends it when due (late after downtime). */
export const scheduleMessageRoute = deviceProcedure
  .meta(rest("POST", "/devices/{deviceId}/scheduled", "Scheduled", "Schedule a message to send later", "send"))
  .input(ZScheduleMessageRequestSchema)
  .output(ZScheduleMessageResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const call = toScheduleCall(input);
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, at: call.at.toISOString() }, "message.schedule");
    return scheduleMessage({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ...call });
  });
