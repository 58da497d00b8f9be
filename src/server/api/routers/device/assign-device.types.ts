import { z } from "zod";
import { ZDeviceSchema } from "./device-schema";

export const ZAssignDeviceRequestSchema = z.object({
  ownerId: z.number({ error: "Owner must be a user id" }).int().positive("Owner must be a user id"),
});
export const ZAssignDeviceResponseSchema = ZDeviceSchema;

export type TAssignDeviceRequest = z.infer<typeof ZAssignDeviceRequestSchema>;
export type TAssignDeviceResponse = z.infer<typeof ZAssignDeviceResponseSchema>;
