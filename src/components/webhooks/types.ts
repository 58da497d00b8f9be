import type { RouterOutputs } from "@/trpc/react";

export type WebhookItem = RouterOutputs["webhook"]["list"]["items"][number];
export type DeliveryItem = RouterOutputs["webhook"]["deliveries"]["items"][number];
export type DeliveryStatus = DeliveryItem["status"];

/** The events an endpoint can choose, in the order the form lists them (the server's WEBHOOK_EVENT_TYPES). */
export const WEBHOOK_EVENTS = ["message.received", "message.status", "device.status", "job.progress", "job.finished", "bot.handoff"] as const;

export const STATUS_TONE: Record<DeliveryStatus, "neutral" | "success" | "warning" | "danger"> = {
  pending: "warning",
  succeeded: "success",
  failed: "danger",
  dead: "danger",
};
