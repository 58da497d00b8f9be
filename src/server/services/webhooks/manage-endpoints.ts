import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { recordOwnedChange } from "../contacts/record-change";
import type { ServiceCall } from "../devices/types";
import { assertOwnerDevices, assertUsableUrl } from "./endpoint-input";
import { endpointSelect, toEndpointView, type EndpointRow, type WebhookEndpointView } from "./endpoint-view";
import { generateWebhookSecret, openWebhookSecret, sealWebhookSecret } from "./secret-box";

export interface EndpointFields {
  url: string;
  description: string;
  events: string[];
  /** null or empty = every device of the owner. */
  deviceIds: string[] | null;
  enabled: boolean;
}

const deviceList = (ids: string[] | null | undefined) => (ids && ids.length > 0 ? [...new Set(ids)] : Prisma.DbNull);

function record(call: ServiceCall, endpoint: { id: number; ownerId: number; url: string }, action: string, details: Prisma.JsonObject = {}) {
  // The URL names the receiver; the secret never goes into a record.
  return recordOwnedChange({ ...call, ownerId: endpoint.ownerId, action, targetType: "webhook", targetId: endpoint.id, details: { url: endpoint.url, ...details } });
}

/** Creates an endpoint of the caller; the secret is returned this once (and later only through reveal or rotate). */
export async function createEndpoint(call: ServiceCall & { fields: EndpointFields }): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const ownerId = call.actor.id;
  await assertUsableUrl(call.fields.url);
  await assertOwnerDevices(ownerId, call.fields.deviceIds);
  const secret = generateWebhookSecret();
  const row = await db().webhookEndpoint.create({
    data: {
      ownerId,
      url: call.fields.url,
      description: call.fields.description,
      enabled: call.fields.enabled,
      events: [...new Set(call.fields.events)],
      deviceIds: deviceList(call.fields.deviceIds),
      secretEncrypted: sealWebhookSecret(ownerId, secret),
    },
    select: endpointSelect,
  });
  await record(call, row, "webhook.create", { events: row.events as Prisma.JsonArray });
  return { endpoint: toEndpointView(row), secret };
}

export async function updateEndpoint(call: ServiceCall & { endpoint: EndpointRow; fields: Partial<EndpointFields> }): Promise<WebhookEndpointView> {
  const { endpoint, fields } = call;
  if (fields.url !== undefined && fields.url !== endpoint.url) await assertUsableUrl(fields.url);
  await assertOwnerDevices(endpoint.ownerId, fields.deviceIds);
  const row = await db().webhookEndpoint.update({
    where: { id: endpoint.id },
    data: {
      url: fields.url,
      description: fields.description,
      enabled: fields.enabled,
      events: fields.events ? [...new Set(fields.events)] : undefined,
      deviceIds: fields.deviceIds === undefined ? undefined : deviceList(fields.deviceIds),
    },
    select: endpointSelect,
  });
  await record(call, row, "webhook.update", { changed: Object.keys(fields).filter((k) => fields[k as keyof EndpointFields] !== undefined) });
  return toEndpointView(row);
}

/** Deletes the endpoint and its delivery log; deliveries still pending are dropped with it. */
export async function deleteEndpoint(call: ServiceCall & { endpoint: EndpointRow }): Promise<{ id: number }> {
  await db().webhookEndpoint.delete({ where: { id: call.endpoint.id } });
  await record(call, call.endpoint, "webhook.delete");
  return { id: call.endpoint.id };
}

/** A new secret at once: deliveries from now on (retries included) are signed with it. */
export async function rotateEndpointSecret(call: ServiceCall & { endpoint: EndpointRow }): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  await db().webhookEndpoint.update({ where: { id: call.endpoint.id }, data: { secretEncrypted: sealWebhookSecret(call.endpoint.ownerId, secret) } });
  await record(call, call.endpoint, "webhook.rotateSecret");
  return { secret };
}

/** The current secret, for its owner only (recorded: who saw a secret is worth knowing). */
export async function revealEndpointSecret(call: ServiceCall & { endpoint: EndpointRow }): Promise<{ secret: string }> {
  const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: call.endpoint.id }, select: { secretEncrypted: true } });
  await record(call, call.endpoint, "webhook.revealSecret");
  return { secret: openWebhookSecret(call.endpoint.ownerId, row.secretEncrypted) };
}
