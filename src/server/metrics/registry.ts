import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { MessageType } from "@/generated/prisma/enums";
import { globalSingleton } from "../global-singleton";

/** Failure reasons are a small fixed set: free-text errors as label values would grow the series without bound. */
export const FAILURE_REASONS = ["device_offline", "rejected", "gave_up", "other"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface AppMetrics {
  registry: Registry;
  messagesSent: Counter;
  messagesReceived: Counter<"type">;
  messagesFailed: Counter<"reason">;
  sendLatency: Histogram;
  receiptLatency: Histogram<"status">;
  eventSubscribers: Gauge;
  /**
   * Outbound webhooks (SPEC §11) do not exist yet. Their delivery code signals `webhook.delivery` on the event bus
   * (events/types.ts InternalSignalMap) once per attempt; the counters are defined now so dashboards and alerts can
   * be written against them, and read zero until then.
   */
  webhookDeliveries: Counter;
  webhookFailures: Counter;
}

const SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const RECEIPT_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

function createMetrics(): AppMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "switchboard" });
  // Process memory, CPU, handles and event-loop lag (nodejs_eventloop_lag_* from monitorEventLoopDelay).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  const messagesFailed = new Counter({
    name: "switchboard_messages_failed_total",
    help: "Outgoing messages that ended failed, by reason",
    labelNames: ["reason"] as const,
    registers,
  });
  // Every reason exists from the start, so rate() over a reason that has not happened yet reads 0, not "no data".
  for (const reason of FAILURE_REASONS) messagesFailed.labels(reason).inc(0);
  const messagesReceived = new Counter({
    name: "switchboard_messages_received_total",
    help: "Incoming messages stored, by message type",
    labelNames: ["type"] as const,
    registers,
  });
  for (const type of Object.values(MessageType)) messagesReceived.labels(type).inc(0);
  return {
    registry,
    messagesSent: new Counter({ name: "switchboard_messages_sent_total", help: "Outgoing messages WhatsApp accepted", registers }),
    messagesReceived,
    messagesFailed,
    sendLatency: new Histogram({
      name: "switchboard_message_send_latency_seconds",
      help: "From an outgoing message stored pending to WhatsApp accepting it (sent)",
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    receiptLatency: new Histogram({
      name: "switchboard_message_receipt_latency_seconds",
      help: "From an outgoing message sent to its first delivered / read receipt",
      labelNames: ["status"] as const,
      buckets: RECEIPT_BUCKETS,
      registers,
    }),
    eventSubscribers: new Gauge({ name: "switchboard_event_subscribers", help: "Open browser event streams (events.stream)", registers }),
    webhookDeliveries: new Counter({
      name: "switchboard_webhook_deliveries_total",
      help: "Outbound webhook deliveries the receiver acknowledged (2xx)",
      registers,
    }),
    webhookFailures: new Counter({
      name: "switchboard_webhook_failures_total",
      help: "Outbound webhook delivery attempts that failed (error, timeout or non-2xx)",
      registers,
    }),
  };
}

/**
 * One registry per process on globalThis (STACK.md pitfall 12): the custom server increments, and the /metrics
 * route in Next's bundle reads the same registry.
 */
export function appMetrics(): AppMetrics {
  return globalSingleton("metrics", createMetrics);
}
