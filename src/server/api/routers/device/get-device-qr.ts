import { getDeviceQr } from "../../../services/devices/get-device-qr";
import { deviceProcedure } from "../../procedures";
import { ZGetDeviceQrResponseSchema } from "./get-device-qr.types";
import { rest } from "../../rest/rest-meta";

export const getDeviceQrRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/qr", "Devices", "Current pairing QR code (text)", "devices")).output(ZGetDeviceQrResponseSchema).query(({ ctx }) => {
  const snapshot = getDeviceQr(ctx.device);
  return { qr: snapshot?.qr ?? null, expiresAt: snapshot?.expiresAt ?? null };
});
