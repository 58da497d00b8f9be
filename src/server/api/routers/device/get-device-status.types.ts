import { z } from "zod";
import { ZDeviceStatusSchema } from "./device-schema";

export const ZGetDeviceStatusResponseSchema = z.object({
  deviceId: z.string(),
  status: ZDeviceStatusSchema,
  phoneNumber: z.string().nullable(),
  lastError: z.string().nullable(),
  lastSeen: z.date().nullable(),
  autoConnect: z.boolean(),
  online: z.boolean(),
  qrAvailable: z.boolean(),
});
export type TGetDeviceStatusResponse = z.infer<typeof ZGetDeviceStatusResponseSchema>;
