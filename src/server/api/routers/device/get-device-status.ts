import { deviceStatus } from "../../../services/devices/device-status";
import { deviceProcedure } from "../../procedures";
import { ZGetDeviceStatusResponseSchema } from "./get-device-status.types";
import { rest } from "../../rest/rest-meta";

export const getDeviceStatusRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/status", "Devices", "Device connection status")).output(ZGetDeviceStatusResponseSchema).query(({ ctx }) => deviceStatus(ctx.device));
