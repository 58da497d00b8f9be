import { sendText } from "../../../services/messages/send-text";
import { deviceProcedure } from "../../procedures";
import { ZSendTextRequestSchema, ZSendTextResponseSchema } from "./send-text.types";
import { rest } from "../../rest/rest-meta";

/** Sends from the device: stored `pending` first, resolved as `sent`; delivery and read arrive as message.status events. */
export const sendTextRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/messages/text", "Messages", "Send a text message", "send"))
  .input(ZSendTextRequestSchema)
  .output(ZSendTextResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, length: input.text.length }, "message.sendText");
    const sender = { username: ctx.user.username, fullName: ctx.user.fullName };
    return sendText({ device: ctx.device, to: input.to, text: input.text, origin: "manual", sentById: ctx.actor.id, sender });
  });
