import { deviceProcedure } from "../../procedures";
import { ZGetDeviceResponseSchema } from "./get-device.types";
import { rest } from "../../rest/rest-meta";

export const getDeviceRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}", "Devices", "Get a device")).output(ZGetDeviceResponseSchema).query(({ ctx }) => ctx.device);
