import { z } from "zod";
import { rest } from "../../rest/rest-meta";
import { listOwnerId } from "../../../authz/owned";
import { listEndpoints } from "../../../services/webhooks/list-endpoints";
import {
  createEndpoint,
  deleteEndpoint,
  revealEndpointSecret,
  rotateEndpointSecret,
  updateEndpoint,
} from "../../../services/webhooks/manage-endpoints";
import { protectedProcedure } from "../../trpc";
import { ownWebhookProcedure, webhookProcedure } from "./webhook-procedure";
import {
  ZDeliveryStatusSchema,
  ZSecretSchema,
  ZWebhookEndpointSchema,
  zWebhookDescription,
  zWebhookDeviceIds,
  zWebhookEvents,
  zWebhookUrl,
} from "./webhook-schema";

export const listWebhooksRoute = protectedProcedure
  .meta(rest("GET", "/webhooks", "Webhooks", "Webhook endpoints"))
  .input(z.object({ ownerId: z.number().int().positive().max(2_147_483_647).optional() }).default({}))
  .output(
    z.object({
      items: z.array(
        ZWebhookEndpointSchema.extend({
          lastDelivery: z.object({ status: ZDeliveryStatusSchema, createdAt: z.date(), responseStatus: z.number().int().nullable() }).nullable(),
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => ({ items: await listEndpoints(listOwnerId(ctx.actor, input.ownerId)) }));

/** The response carries the signing secret: the only time it is shown without asking for it. */
export const createWebhookRoute = protectedProcedure
  .meta(rest("POST", "/webhooks", "Webhooks", "Add a webhook endpoint (the response carries its signing secret)", "send"))
  .input(
    z.object({
      url: zWebhookUrl,
      description: zWebhookDescription.default(""),
      events: zWebhookEvents,
      deviceIds: zWebhookDeviceIds.default(null),
      enabled: z.boolean().default(true),
    }),
  )
  .output(z.object({ endpoint: ZWebhookEndpointSchema, secret: z.string() }))
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, events: input.events }, "webhook.create");
    return createEndpoint({ actor: ctx.actor, meta: ctx.meta, fields: input });
  });

/** Omitted fields keep their value. */
export const updateWebhookRoute = webhookProcedure
  .meta(rest("PATCH", "/webhooks/{webhookId}", "Webhooks", "Change a webhook endpoint", "send"))
  .input(
    z.object({
      url: zWebhookUrl.optional(),
      description: zWebhookDescription.optional(),
      events: zWebhookEvents.optional(),
      deviceIds: zWebhookDeviceIds.optional(),
      enabled: z.boolean().optional(),
    }),
  )
  .output(ZWebhookEndpointSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, webhookId: ctx.endpoint.id }, "webhook.update");
    const { webhookId: _id, ...fields } = input;
    return updateEndpoint({ actor: ctx.actor, meta: ctx.meta, endpoint: ctx.endpoint, fields });
  });

export const deleteWebhookRoute = webhookProcedure
  .meta(rest("DELETE", "/webhooks/{webhookId}", "Webhooks", "Delete a webhook endpoint", "send"))
  .output(z.object({ id: z.number().int() })).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, webhookId: ctx.endpoint.id }, "webhook.delete");
  return deleteEndpoint({ actor: ctx.actor, meta: ctx.meta, endpoint: ctx.endpoint });
});

export const rotateWebhookSecretRoute = webhookProcedure
  .meta(rest("POST", "/webhooks/{webhookId}/rotate-secret", "Webhooks", "Replace the signing secret (the response carries the new one)", "send"))
  .output(ZSecretSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, webhookId: ctx.endpoint.id }, "webhook.rotateSecret");
  return rotateEndpointSecret({ actor: ctx.actor, meta: ctx.meta, endpoint: ctx.endpoint });
});

/** A mutation, not a query: it is recorded, and a secret should not sit in a GET URL or a query cache. */
export const revealWebhookSecretRoute = ownWebhookProcedure.output(ZSecretSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, webhookId: ctx.endpoint.id }, "webhook.revealSecret");
  return revealEndpointSecret({ actor: ctx.actor, meta: ctx.meta, endpoint: ctx.endpoint });
});
