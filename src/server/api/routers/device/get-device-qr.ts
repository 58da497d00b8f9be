import { getDeviceQr } from "../../../services/devices/get-device-qr";
import { deviceProcedure } from "../../procedures";
import { ZGetDeviceQrResponseSchema } from "./get-device-qr.types";

export const getDeviceQrRoute = deviceProcedure.output(ZGetDeviceQrResponseSchema).query(({ ctx }) => {
  const snapshot = getDeviceQr(ctx.device);
  return { qr: snapshot?.qr ?? null, expiresAt: snapshot?.expiresAt ?? null };
});
