import { z } from "zod";
import { DeviceStatus } from "@/generated/prisma/enums";

export const ZDeviceStatusSchema = z.enum(DeviceStatus);

/** A device as the API returns it (deviceSelect): never auth state. */
export const ZDeviceSchema = z.object({
  id: z.number().int(),
  deviceId: z.string(),
  deviceName: z.string(),
  ownerId: z.number().int(),
  phoneNumber: z.string().nullable(),
  status: ZDeviceStatusSchema,
  autoConnect: z.boolean(),
  lastError: z.string().nullable(),
  lastSeen: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  owner: z.object({ id: z.number().int(), username: z.string(), email: z.string() }),
});

export const ZDeviceRefResponseSchema = z.object({ deviceId: z.string() });
