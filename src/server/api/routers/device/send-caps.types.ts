import { z } from "zod";

/** Messages per hour / per day; null: the administrator's default. */
const zCap = z
  .number({ error: "Enter a whole number of messages" })
  .int("Enter a whole number of messages")
  .min(1, "A cap must be at least 1 message")
  .max(1_000_000, "A cap can be at most 1,000,000 messages")
  .nullable();

export const ZSetSendCapsRequestSchema = z.object({ hourlyCap: zCap, dailyCap: zCap });

const ZCaps = z.object({ hourly: z.number().int(), daily: z.number().int() });

export const ZSendCapsResponseSchema = z.object({
  deviceId: z.string(),
  hourlyCap: z.number().int().nullable(),
  dailyCap: z.number().int().nullable(),
  defaults: ZCaps,
  maxima: ZCaps,
  inForce: ZCaps,
  sentThisHour: z.number().int(),
  sentToday: z.number().int(),
});

export type TSendCapsResponse = z.infer<typeof ZSendCapsResponseSchema>;
