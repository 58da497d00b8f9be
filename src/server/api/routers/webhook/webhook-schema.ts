import { z } from "zod";
import { BROKEN_TEXT_MESSAGE, isWellFormedText } from "@/lib/validation";
import { parseWebhookUrl } from "../../../services/webhooks/destination";
import { WEBHOOK_EVENT_TYPES } from "../../../services/webhooks/webhook-events";

export const WEBHOOK_URL_MAX = 2048;
export const WEBHOOK_DESCRIPTION_MAX = 200;

export const zWebhookId = z.number().int().positive().max(2_147_483_647);
export const zWebhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the receiver's URL")
  .max(WEBHOOK_URL_MAX, `The URL must be at most ${WEBHOOK_URL_MAX} characters`)
  .refine(isWellFormedText, BROKEN_TEXT_MESSAGE)
  .refine((value) => typeof parseWebhookUrl(value) !== "string", { error: "Enter an http:// or https:// URL without a user name or password" });
export const zWebhookEvents = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event").max(WEBHOOK_EVENT_TYPES.length);
/** Public device ids; null or empty = every device of the owner. */
export const zWebhookDeviceIds = z.array(z.string().trim().min(1).max(100).refine(isWellFormedText, BROKEN_TEXT_MESSAGE)).max(100, "At most 100 devices").nullable();
export const zWebhookDescription = z
  .string()
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX, `The description must be at most ${WEBHOOK_DESCRIPTION_MAX} characters`)
  .refine(isWellFormedText, BROKEN_TEXT_MESSAGE);

export const ZWebhookEndpointSchema = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  url: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  events: z.array(z.string()),
  deviceIds: z.array(z.string()).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZDeliveryStatusSchema = z.enum(["pending", "succeeded", "failed", "dead"]);

export const ZWebhookDeliverySchema = z.object({
  id: z.number().int(),
  endpointId: z.number().int(),
  eventId: z.string(),
  eventType: z.string(),
  status: ZDeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  responseStatus: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  replayOfId: z.number().int().nullable(),
  createdAt: z.date(),
  /** The start of the JSON body that was sent. */
  requestExcerpt: z.string(),
});

export const ZSecretSchema = z.object({ secret: z.string() });
