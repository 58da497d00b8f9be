import { createDevice } from "../../../services/devices/create-device";
import { adminProcedure } from "../../trpc";
import { ZCreateDeviceRequestSchema, ZCreateDeviceResponseSchema } from "./create-device.types";
import { rest } from "../../rest/rest-meta";

export const createDeviceRoute = adminProcedure.meta(rest("POST", "/devices", "Devices", "Create a device for a user (admin)", "admin"))
  .input(ZCreateDeviceRequestSchema)
  .output(ZCreateDeviceResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ ownerId: input.ownerId, deviceId: input.deviceId }, "device.create");
    return createDevice({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
