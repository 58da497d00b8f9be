import type { AppEvent } from "../../events/types";

/** Events an endpoint can subscribe to; the names are the bus's, so receivers see what the app sees. */
export const WEBHOOK_EVENT_TYPES = ["message.received", "message.status", "device.status", "job.progress", "job.finished", "bot.handoff"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent by "send test event" only; no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

const TYPES = new Set<string>(WEBHOOK_EVENT_TYPES);

export interface WebhookEvent {
  ownerId: number;
  type: string;
  /** The public device id the event is about: endpoints limited to some devices match on it. */
  deviceId: string | null;
  data: unknown;
  createdAt: Date;
}

/** The webhook form of a bus event: events of a user's devices only (admin-only notices never leave the app). */
export function toWebhookEvent(event: AppEvent): WebhookEvent | null {
  if (!TYPES.has(event.name) || event.scope.ownerId === null) return null;
  const deviceId = "deviceId" in event.data && typeof event.data.deviceId === "string" ? event.data.deviceId : null;
  return { ownerId: event.scope.ownerId, type: event.name, deviceId, data: event.data, createdAt: new Date(event.at) };
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return TYPES.has(value);
}
