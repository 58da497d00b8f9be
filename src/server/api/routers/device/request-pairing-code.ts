import { requestPairingCode } from "../../../services/devices/request-pairing-code";
import { deviceProcedure } from "../../procedures";
import { ZRequestPairingCodeRequestSchema, ZRequestPairingCodeResponseSchema } from "./request-pairing-code.types";
import { rest } from "../../rest/rest-meta";

export const requestPairingCodeRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/pairing-code", "Devices", "Pair with a phone number instead of a QR code", "devices"))
  .input(ZRequestPairingCodeRequestSchema)
  .output(ZRequestPairingCodeResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.pairingCode");
    return requestPairingCode({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, phoneNumber: input.phoneNumber });
  });
