import { disconnectDevice } from "../../../services/devices/disconnect-device";
import { deviceProcedure } from "../../procedures";
import { ZDisconnectDeviceResponseSchema } from "./disconnect-device.types";
import { rest } from "../../rest/rest-meta";

export const disconnectDeviceRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/disconnect", "Devices", "Disconnect a device", "devices")).output(ZDisconnectDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.disconnect");
  return disconnectDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
