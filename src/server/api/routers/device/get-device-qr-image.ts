import { getDeviceQr } from "../../../services/devices/get-device-qr";
import { deviceProcedure } from "../../procedures";
import { ZGetDeviceQrImageResponseSchema } from "./get-device-qr-image.types";
import { rest } from "../../rest/rest-meta";

export const getDeviceQrImageRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/qr-image", "Devices", "Current pairing QR code (PNG data URL)", "devices")).output(ZGetDeviceQrImageResponseSchema).query(({ ctx }) => {
  const snapshot = getDeviceQr(ctx.device);
  return { qrImage: snapshot?.qrImage ?? null, expiresAt: snapshot?.expiresAt ?? null };
});
