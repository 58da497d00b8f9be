import { z } from "zod";
import { ownedByActor } from "../../../authz/where";
import { AppError } from "../../../errors";
import { endpointSelect } from "../../../services/webhooks/endpoint-view";
import { protectedProcedure } from "../../trpc";
import { zWebhookId } from "./webhook-schema";

/** Loads the endpoint named by `input.webhookId` for the caller (admins reach any), or NOT_FOUND. */
export const webhookProcedure = protectedProcedure.input(z.object({ webhookId: zWebhookId })).use(async ({ ctx, input, next }) => {
  const endpoint = await ctx.db.webhookEndpoint.findFirst({ where: { id: input.webhookId, ...ownedByActor(ctx.actor) }, select: endpointSelect });
  if (!endpoint) throw new AppError("NOT_FOUND", "Webhook not found");
  return next({ ctx: { ...ctx, endpoint } });
});

/** The caller's own endpoint only: a signing secret is shown to its owner, never to an admin. */
export const ownWebhookProcedure = protectedProcedure.input(z.object({ webhookId: zWebhookId })).use(async ({ ctx, input, next }) => {
  const endpoint = await ctx.db.webhookEndpoint.findFirst({ where: { id: input.webhookId, ownerId: ctx.actor.id }, select: endpointSelect });
  if (!endpoint) throw new AppError("NOT_FOUND", "Webhook not found");
  return next({ ctx: { ...ctx, endpoint } });
});
