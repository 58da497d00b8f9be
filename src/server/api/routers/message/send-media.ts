import { sendMedia } from "../../../services/messages/send-media";
import { deviceProcedure } from "../../procedures";
import { ZSendMediaRequestSchema, ZSendMediaResponseSchema } from "./send-media.types";
import { rest } from "../../rest/rest-meta";

/** Sends a file uploaded through POST /api/media; statuses then arrive as message.status events like texts. */
export const sendMediaRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/messages/media", "Messages", "Send an uploaded media file", "send"))
  .input(ZSendMediaRequestSchema)
  .output(ZSendMediaResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, mediaId: input.mediaId }, "message.sendMedia");
    return sendMedia({ device: ctx.device, actor: ctx.actor, ...input });
  });
