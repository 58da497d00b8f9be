import { wipeDevice } from "../../../services/devices/wipe-device";
import { adminDeviceProcedure } from "./admin-device-procedure";
import { ZCancelAndWipeDeviceResponseSchema } from "./cancel-and-wipe-device.types";
import { rest } from "../../rest/rest-meta";

export const cancelAndWipeDeviceRoute = adminDeviceProcedure.meta(rest("POST", "/devices/{deviceId}/cancel-and-wipe", "Devices", "Cancel pairing and wipe the session (admin)", "admin")).output(ZCancelAndWipeDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.cancelAndWipe");
  return wipeDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
