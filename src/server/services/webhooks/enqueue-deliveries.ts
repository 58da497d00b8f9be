import { randomUUID } from "node:crypto";
import { db } from "../../db";
import { nudgeRunner } from "../../jobs/nudge";
import type { WebhookEvent } from "./webhook-events";

export interface EndpointFilter {
  id: number;
  events: unknown;
  deviceIds: unknown;
}

/** Whether an endpoint wants the event: the type is among its events, and the device among its devices (if limited). */
export function endpointWants(endpoint: EndpointFilter, event: Pick<WebhookEvent, "type" | "deviceId">): boolean {
  if (!Array.isArray(endpoint.events) || !endpoint.events.includes(event.type)) return false;
  if (!Array.isArray(endpoint.deviceIds)) return true;
  return event.deviceId !== null && endpoint.deviceIds.includes(event.deviceId);
}

/** The body every delivery of one event carries, byte for byte: `{ id, type, createdAt, data }`. */
export function webhookBody(eventId: string, type: string, createdAt: Date, data: unknown): string {
  return JSON.stringify({ id: eventId, type, createdAt: createdAt.toISOString(), data });
}

export function newEventId(): string {
  return `evt_${randomUUID().replace(/-/g, "")}`;
}

/** One delivery row per endpoint of the owner that wants the event; returns how many. */
export async function enqueueDeliveries(event: WebhookEvent): Promise<number> {
  const endpoints = await db().webhookEndpoint.findMany({
    where: { ownerId: event.ownerId, enabled: true },
    select: { id: true, events: true, deviceIds: true },
  });
  const targets = endpoints.filter((e) => endpointWants(e, event));
  if (targets.length === 0) return 0;
  const eventId = newEventId();
  const payload = webhookBody(eventId, event.type, event.createdAt, event.data);
  const now = new Date();
  await db().webhookDelivery.createMany({
    data: targets.map((e) => ({ endpointId: e.id, eventId, eventType: event.type, payload, nextAttemptAt: now })),
  });
  nudgeRunner();
  return targets.length;
}
