import type { Prisma } from "@/generated/prisma/client";
import type { WebhookDeliveryStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { AppError } from "../../errors";
import { nudgeRunner } from "../../jobs/nudge";
import { recordOwnedChange } from "../contacts/record-change";
import type { ServiceCall } from "../devices/types";
import { newEventId, webhookBody } from "./enqueue-deliveries";
import type { EndpointRow } from "./endpoint-view";
import { TEST_EVENT_TYPE } from "./webhook-events";

/** Characters of the request body a log entry shows (the body itself may be up to MEDIUMTEXT). */
export const REQUEST_EXCERPT_CHARS = 2000;

const deliverySelect = {
  id: true,
  endpointId: true,
  eventId: true,
  eventType: true,
  payload: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  responseStatus: true,
  responseExcerpt: true,
  error: true,
  durationMs: true,
  replayOfId: true,
  createdAt: true,
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

export interface DeliveryView extends Omit<DeliveryRow, "payload"> {
  requestExcerpt: string;
}

function toDeliveryView({ payload, ...row }: DeliveryRow): DeliveryView {
  return { ...row, requestExcerpt: payload.slice(0, REQUEST_EXCERPT_CHARS) };
}

export async function listDeliveries(input: {
  endpointId: number;
  status?: WebhookDeliveryStatus;
  eventType?: string;
  cursor?: number;
  limit: number;
}): Promise<{ items: DeliveryView[]; nextCursor: number | null }> {
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId: input.endpointId, status: input.status, eventType: input.eventType, id: input.cursor ? { lt: input.cursor } : undefined },
    select: deliverySelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return { items: page.map(toDeliveryView), nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}

/** The same event (same id and body, so receivers dedupe it) sent again as a new delivery, now. */
export async function replayDelivery(call: ServiceCall & { endpoint: EndpointRow; deliveryId: number }): Promise<DeliveryView> {
  const original = await db().webhookDelivery.findFirst({ where: { id: call.deliveryId, endpointId: call.endpoint.id }, select: deliverySelect });
  if (!original) throw new AppError("NOT_FOUND", "Delivery not found");
  const row = await db().webhookDelivery.create({
    data: { endpointId: original.endpointId, eventId: original.eventId, eventType: original.eventType, payload: original.payload, nextAttemptAt: new Date(), replayOfId: original.id },
    select: deliverySelect,
  });
  nudgeRunner();
  await recordOwnedChange({ ...call, ownerId: call.endpoint.ownerId, action: "webhook.replay", targetType: "webhook", targetId: call.endpoint.id, details: { eventId: original.eventId, deliveryId: original.id } });
  return toDeliveryView(row);
}

/** A `webhook.test` event to this endpoint alone, whatever its event filter, so the receiver can be checked. */
export async function sendTestEvent(call: ServiceCall & { endpoint: EndpointRow }): Promise<DeliveryView> {
  const eventId = newEventId();
  const createdAt = new Date();
  const payload = webhookBody(eventId, TEST_EVENT_TYPE, createdAt, { endpointId: call.endpoint.id, message: "This is a test event from Switchboard." });
  const row = await db().webhookDelivery.create({
    data: { endpointId: call.endpoint.id, eventId, eventType: TEST_EVENT_TYPE, payload, nextAttemptAt: createdAt },
    select: deliverySelect,
  });
  nudgeRunner();
  await recordOwnedChange({ ...call, ownerId: call.endpoint.ownerId, action: "webhook.test", targetType: "webhook", targetId: call.endpoint.id, details: { eventId } });
  return toDeliveryView(row);
}

