import { connectDevice } from "../../../services/devices/connect-device";
import { deviceProcedure } from "../../procedures";
import { ZConnectDeviceResponseSchema } from "./connect-device.types";
import { rest } from "../../rest/rest-meta";

/** Starts pairing or restores the session; QR codes and status changes arrive through events.stream. */
export const connectDeviceRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/connect", "Devices", "Connect a device (starts QR pairing)", "devices")).output(ZConnectDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.connect");
  return connectDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
