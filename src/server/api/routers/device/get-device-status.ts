import { deviceStatus } from "../../../services/devices/device-status";
import { deviceProcedure } from "../../procedures";
import { ZGetDeviceStatusResponseSchema } from "./get-device-status.types";

export const getDeviceStatusRoute = deviceProcedure.output(ZGetDeviceStatusResponseSchema).query(({ ctx }) => deviceStatus(ctx.device));
