import { deviceProcedure } from "../../procedures";
import { ZGetDeviceResponseSchema } from "./get-device.types";

export const getDeviceRoute = deviceProcedure.output(ZGetDeviceResponseSchema).query(({ ctx }) => ctx.device);
