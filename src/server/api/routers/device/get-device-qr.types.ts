import { z } from "zod";

/** The raw QR string (to render client-side), or null when no QR is waiting; the same QR's expiry time. */
export const ZGetDeviceQrResponseSchema = z.object({ qr: z.string().nullable(), expiresAt: z.string().nullable() });
export type TGetDeviceQrResponse = z.infer<typeof ZGetDeviceQrResponseSchema>;
