import type { Logger } from "pino";
import { eventBus } from "../../events/bus";
import { globalSingleton } from "../../global-singleton";
import { enqueueDeliveries } from "./enqueue-deliveries";
import { isWebhookEventType, toWebhookEvent, type WebhookEvent } from "./webhook-events";

/** A bulk job reports progress after every item; receivers get its latest state at most this often (job.finished always). */
export const JOB_PROGRESS_INTERVAL_MS = 5000;

export interface WebhookConsumer {
  /** Resolves when every event received so far has its delivery rows (coalesced progress still waiting excepted). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

interface ProgressState {
  lastSentAt: number;
  latest: WebhookEvent | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Turns bus events into webhook deliveries for the matching endpoints of the event's owner. Rows are written in
 * event order (one chain). job.progress is coalesced per job: the first goes at once, then at most one every
 * JOB_PROGRESS_INTERVAL_MS carrying the latest counters, and a job.finished drops what was still waiting.
 */
export function startWebhookConsumer(log: Logger, opts: { progressIntervalMs?: number } = {}): WebhookConsumer {
  const intervalMs = opts.progressIntervalMs ?? JOB_PROGRESS_INTERVAL_MS;
  const abort = new AbortController();
  const progress = new Map<string, ProgressState>();
  let chain: Promise<void> = Promise.resolve();

  const enqueue = (event: WebhookEvent) => {
    chain = chain
      .then(() => enqueueDeliveries(event))
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error, type: event.type }, "could not queue webhook deliveries"),
      );
  };

  const onProgress = (key: string, event: WebhookEvent) => {
    const now = Date.now();
    const state = progress.get(key) ?? { lastSentAt: 0, latest: undefined, timer: undefined };
    progress.set(key, state);
    if (!state.timer && now - state.lastSentAt >= intervalMs) {
      state.lastSentAt = now;
      return enqueue(event);
    }
    state.latest = event;
    state.timer ??= setTimeout(() => {
      state.timer = undefined;
      state.lastSentAt = Date.now();
      const latest = state.latest;
      state.latest = undefined;
      if (latest) enqueue(latest);
    }, state.lastSentAt + intervalMs - now);
  };

  const onFinished = (key: string, event: WebhookEvent) => {
    const state = progress.get(key);
    if (state?.timer) clearTimeout(state.timer);
    progress.delete(key);
    enqueue(event);
  };

  const live = eventBus().stream(abort.signal, (event) => isWebhookEventType(event.name) && event.scope.ownerId !== null);
  const loop = (async () => {
    for await (const busEvent of live) {
      const event = toWebhookEvent(busEvent);
      if (!event) continue;
      if (busEvent.name === "job.progress") onProgress(`${event.ownerId}:${busEvent.data.jobId}`, event);
      else if (busEvent.name === "job.finished") onFinished(`${event.ownerId}:${busEvent.data.jobId}`, event);
      else enqueue(event);
    }
  })();

  return {
    async settled() {
      // Let the loop take what the bus already queued, then wait for the chain (which may grow meanwhile).
      await new Promise((resolve) => setImmediate(resolve));
      for (let seen: Promise<void> | undefined; seen !== chain; ) {
        seen = chain;
        await seen;
      }
    },
    async stop() {
      abort.abort();
      await loop;
      for (const state of progress.values()) if (state.timer) clearTimeout(state.timer);
      progress.clear();
      await chain;
    },
  };
}

/** The consumer of this process (started by the custom server before WhatsApp, so no early event is missed). */
export function webhookConsumer(log: Logger): WebhookConsumer {
  return globalSingleton("webhookConsumer", () => startWebhookConsumer(log));
}
