import { assignDevice } from "../../../services/devices/assign-device";
import { adminDeviceProcedure } from "./admin-device-procedure";
import { ZAssignDeviceRequestSchema, ZAssignDeviceResponseSchema } from "./assign-device.types";
import { rest } from "../../rest/rest-meta";

export const assignDeviceRoute = adminDeviceProcedure.meta(rest("POST", "/devices/{deviceId}/assign", "Devices", "Give a device to another user (admin)", "admin"))
  .input(ZAssignDeviceRequestSchema)
  .output(ZAssignDeviceResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, ownerId: input.ownerId }, "device.assign");
    return assignDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ownerId: input.ownerId });
  });
