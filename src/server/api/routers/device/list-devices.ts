import { listDevices } from "../../../services/devices/list-devices";
import { protectedProcedure } from "../../trpc";
import { ZListDevicesRequestSchema, ZListDevicesResponseSchema } from "./list-devices.types";

export const listDevicesRoute = protectedProcedure
  .input(ZListDevicesRequestSchema)
  .output(ZListDevicesResponseSchema)
  .query(({ ctx, input }) => listDevices({ actor: ctx.actor, ...input, search: input.search || undefined }));
