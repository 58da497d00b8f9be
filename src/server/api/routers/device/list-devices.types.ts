import { z } from "zod";
import { ZDeviceSchema, ZDeviceStatusSchema } from "./device-schema";

export const ZListDevicesRequestSchema = z
  .object({
    status: ZDeviceStatusSchema.optional(),
    connectedOnly: z.boolean().optional(),
    /** Admins only: one owner's devices. */
    ownerId: z.number().int().positive().optional(),
    search: z.string().trim().max(100, "Search text is too long").optional(),
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
  })
  .default({ limit: 50 });
export const ZListDevicesResponseSchema = z.object({ items: z.array(ZDeviceSchema), nextCursor: z.number().int().nullable() });

export type TListDevicesRequest = z.infer<typeof ZListDevicesRequestSchema>;
export type TListDevicesResponse = z.infer<typeof ZListDevicesResponseSchema>;
