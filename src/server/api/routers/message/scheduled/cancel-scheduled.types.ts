import { z } from "zod";
import { ZScheduledMessageSchema } from "./scheduled-schema";

export const ZCancelScheduledRequestSchema = z.object({ id: z.number({ error: "Choose a scheduled message" }).int().positive() });
export const ZCancelScheduledResponseSchema = ZScheduledMessageSchema;

export type TCancelScheduledRequest = z.infer<typeof ZCancelScheduledRequestSchema>;
export type TCancelScheduledResponse = z.infer<typeof ZCancelScheduledResponseSchema>;
