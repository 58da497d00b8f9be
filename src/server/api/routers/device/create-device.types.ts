import { z } from "zod";
import { zDeviceId } from "../../procedures";
import { ZDeviceSchema } from "./device-schema";

export const ZCreateDeviceRequestSchema = z.object({
  /** The user the device belongs to; defaults to the calling admin. */
  ownerId: z.number({ error: "Owner must be a user id" }).int().positive("Owner must be a user id").optional(),
  /** Optional custom id; otherwise `device-<userId>-<timestamp>-<random>`. */
  deviceId: zDeviceId.optional(),
  deviceName: z.string().trim().min(1, "Enter a device name").max(100, "Device name is too long").optional(),
});
export const ZCreateDeviceResponseSchema = ZDeviceSchema;

export type TCreateDeviceRequest = z.infer<typeof ZCreateDeviceRequestSchema>;
export type TCreateDeviceResponse = z.infer<typeof ZCreateDeviceResponseSchema>;
