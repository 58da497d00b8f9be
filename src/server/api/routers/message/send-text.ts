import { sendText } from "../../../services/messages/send-text";
import { deviceProcedure } from "../../procedures";
import { ZSendTextRequestSchema, ZSendTextResponseSchema } from "./send-text.types";

/** Sends from the device: stored `pending` first, resolved as `sent`; delivery and read arrive as message.status events. */
export const sendTextRoute = deviceProcedure
  .input(ZSendTextRequestSchema)
  .output(ZSendTextResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, length: input.text.length }, "message.sendText");
    return sendText({ device: ctx.device, to: input.to, text: input.text, origin: "manual", sentById: ctx.actor.id });
  });
