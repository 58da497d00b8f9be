import { z } from "zod";
import { ScheduledStatus } from "@/generated/prisma/enums";
import { zDeviceId } from "../../../procedures";
import { ZScheduledMessageSchema } from "./scheduled-schema";

export const ZListScheduledRequestSchema = z
  .object({
    deviceId: zDeviceId.optional(),
    status: z.enum(ScheduledStatus).optional(),
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
  })
  .default({ limit: 50 });
export const ZListScheduledResponseSchema = z.object({ items: z.array(ZScheduledMessageSchema), nextCursor: z.number().int().nullable() });

export type TListScheduledRequest = z.input<typeof ZListScheduledRequestSchema>;
export type TListScheduledResponse = z.infer<typeof ZListScheduledResponseSchema>;
