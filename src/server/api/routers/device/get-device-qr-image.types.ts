import { z } from "zod";

/** The QR as a PNG data URL, or null when no QR is waiting; the same QR's expiry time. */
export const ZGetDeviceQrImageResponseSchema = z.object({
  qrImage: z.string().startsWith("data:image/png;base64,").nullable(),
  expiresAt: z.string().nullable(),
});
export type TGetDeviceQrImageResponse = z.infer<typeof ZGetDeviceQrImageResponseSchema>;
