import { requestPairingCode } from "../../../services/devices/request-pairing-code";
import { deviceProcedure } from "../../procedures";
import { ZRequestPairingCodeRequestSchema, ZRequestPairingCodeResponseSchema } from "./request-pairing-code.types";

export const requestPairingCodeRoute = deviceProcedure
  .input(ZRequestPairingCodeRequestSchema)
  .output(ZRequestPairingCodeResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.pairingCode");
    return requestPairingCode({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, phoneNumber: input.phoneNumber });
  });
