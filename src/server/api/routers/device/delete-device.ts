import { deleteDevice } from "../../../services/devices/delete-device";
import { adminDeviceProcedure } from "./admin-device-procedure";
import { ZDeleteDeviceResponseSchema } from "./delete-device.types";

export const deleteDeviceRoute = adminDeviceProcedure.output(ZDeleteDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id }, "device.delete");
  return deleteDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
