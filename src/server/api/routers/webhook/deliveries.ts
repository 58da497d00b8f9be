import { z } from "zod";
import { rest } from "../../rest/rest-meta";
import { BROKEN_TEXT_MESSAGE, isWellFormedText } from "@/lib/validation";
import { listDeliveries, replayDelivery, sendTestEvent } from "../../../services/webhooks/deliveries";
import { webhookProcedure } from "./webhook-procedure";
import { ZDeliveryStatusSchema, ZWebhookDeliverySchema } from "./webhook-schema";

/** The endpoint's delivery log, newest first. */
export const listWebhookDeliveriesRoute = webhookProcedure
  .meta(rest("GET", "/webhooks/{webhookId}/deliveries", "Webhooks", "The endpoint's delivery log"))
  .input(
    z.object({
      status: ZDeliveryStatusSchema.optional(),
      eventType: z.string().trim().max(40, "The event type must be at most 40 characters").refine(isWellFormedText, BROKEN_TEXT_MESSAGE).optional(),
      cursor: z.number().int().positive().max(2_147_483_647).optional(),
      limit: z.number().int().min(1, "Limit must be at least 1").max(100, "Limit must be at most 100").default(30),
    }),
  )
  .output(z.object({ items: z.array(ZWebhookDeliverySchema), nextCursor: z.number().int().nullable() }))
  .query(({ ctx, input }) =>
    listDeliveries({ endpointId: ctx.endpoint.id, status: input.status, eventType: input.eventType || undefined, cursor: input.cursor, limit: input.limit }),
  );

/** Sends the delivery's event again (same event id and body) as a new delivery. */
export const replayWebhookDeliveryRoute = webhookProcedure
  .meta(rest("POST", "/webhooks/{webhookId}/deliveries/{deliveryId}/replay", "Webhooks", "Send a delivery's event again", "send"))
  .input(z.object({ deliveryId: z.number().int().positive().max(2_147_483_647) }))
  .output(ZWebhookDeliverySchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, webhookId: ctx.endpoint.id, deliveryId: input.deliveryId }, "webhook.replay");
    return replayDelivery({ actor: ctx.actor, meta: ctx.meta, endpoint: ctx.endpoint, deliveryId: input.deliveryId });
  });

export const sendWebhookTestRoute = webhookProcedure
  .meta(rest("POST", "/webhooks/{webhookId}/test", "Webhooks", "Send a test event", "send"))
  .output(ZWebhookDeliverySchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, webhookId: ctx.endpoint.id }, "webhook.test");
  return sendTestEvent({ actor: ctx.actor, meta: ctx.meta, endpoint: ctx.endpoint });
});
