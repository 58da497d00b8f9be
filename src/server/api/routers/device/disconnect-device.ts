import { disconnectDevice } from "../../../services/devices/disconnect-device";
import { deviceProcedure } from "../../procedures";
import { ZDisconnectDeviceResponseSchema } from "./disconnect-device.types";

export const disconnectDeviceRoute = deviceProcedure.output(ZDisconnectDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.disconnect");
  return disconnectDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
