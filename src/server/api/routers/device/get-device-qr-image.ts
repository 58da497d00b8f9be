import { getDeviceQr } from "../../../services/devices/get-device-qr";
import { deviceProcedure } from "../../procedures";
import { ZGetDeviceQrImageResponseSchema } from "./get-device-qr-image.types";

export const getDeviceQrImageRoute = deviceProcedure.output(ZGetDeviceQrImageResponseSchema).query(({ ctx }) => {
  const snapshot = getDeviceQr(ctx.device);
  return { qrImage: snapshot?.qrImage ?? null, expiresAt: snapshot?.expiresAt ?? null };
});
