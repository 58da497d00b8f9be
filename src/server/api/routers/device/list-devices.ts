import { listDevices } from "../../../services/devices/list-devices";
import { protectedProcedure } from "../../trpc";
import { ZListDevicesRequestSchema, ZListDevicesResponseSchema } from "./list-devices.types";
import { rest } from "../../rest/rest-meta";

export const listDevicesRoute = protectedProcedure.meta(rest("GET", "/devices", "Devices", "List devices"))
  .input(ZListDevicesRequestSchema)
  .output(ZListDevicesResponseSchema)
  .query(({ ctx, input }) => listDevices({ actor: ctx.actor, ...input, search: input.search || undefined }));
