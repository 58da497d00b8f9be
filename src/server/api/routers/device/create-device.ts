import { createDevice } from "../../../services/devices/create-device";
import { adminProcedure } from "../../trpc";
import { ZCreateDeviceRequestSchema, ZCreateDeviceResponseSchema } from "./create-device.types";

export const createDeviceRoute = adminProcedure
  .input(ZCreateDeviceRequestSchema)
  .output(ZCreateDeviceResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ ownerId: input.ownerId, deviceId: input.deviceId }, "device.create");
    return createDevice({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
