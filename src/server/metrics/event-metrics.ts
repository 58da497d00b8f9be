import type { EventBus } from "../events/bus";
import type { AppEvent } from "../events/types";
import { failureReason } from "./failure-reason";
import { MessageTimings } from "./message-timings";
import type { AppMetrics } from "./registry";

/**
 * Counts messages and times them from the events the send and receive paths already publish, so metrics never sit
 * in those paths. Returns a function that stops listening.
 */
export function recordEventMetrics(bus: EventBus, metrics: AppMetrics): () => void {
  const pendingSince = new MessageTimings();
  const sentSince = new MessageTimings();
  const abort = new AbortController();

  const onEvent = (event: AppEvent): void => {
    const atMs = Date.parse(event.at);
    if (event.name === "message.received") {
      metrics.messagesReceived.labels(event.data.type).inc();
      return;
    }
    if (event.name !== "message.status") return;
    const { messageId, status, error } = event.data;
    switch (status) {
      case "pending":
        pendingSince.mark(messageId, atMs);
        break;
      case "sent": {
        metrics.messagesSent.inc();
        const seconds = pendingSince.take(messageId, atMs);
        if (seconds !== null) metrics.sendLatency.observe(seconds);
        sentSince.mark(messageId, atMs);
        break;
      }
      case "delivered":
      case "read": {
        // Only the first receipt is timed: read after delivered would otherwise count the same wait twice.
        const seconds = sentSince.take(messageId, atMs);
        if (seconds !== null) metrics.receiptLatency.labels(status).observe(seconds);
        pendingSince.forget(messageId);
        break;
      }
      case "failed":
        metrics.messagesFailed.labels(failureReason(error)).inc();
        pendingSince.forget(messageId);
        sentSince.forget(messageId);
        break;
    }
  };

  void (async () => {
    try {
      for await (const event of bus.stream(abort.signal)) onEvent(event);
    } catch {
      // Aborted on stop.
    }
  })();
  const stopWebhooks = bus.onSignal("webhook.delivery", ({ ok }) => (ok ? metrics.webhookDeliveries : metrics.webhookFailures).inc());
  return () => {
    abort.abort();
    stopWebhooks();
  };
}
