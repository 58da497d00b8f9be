import { deleteDevice } from "../../../services/devices/delete-device";
import { adminDeviceProcedure } from "./admin-device-procedure";
import { ZDeleteDeviceResponseSchema } from "./delete-device.types";
import { rest } from "../../rest/rest-meta";

export const deleteDeviceRoute = adminDeviceProcedure.meta(rest("DELETE", "/devices/{deviceId}", "Devices", "Delete a device (admin)", "admin")).output(ZDeleteDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.delete");
  return deleteDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
