import type { Logger } from "pino";
import { eventBus } from "../../events/bus";
import type { AppEvent } from "../../events/types";
import { globalSingleton } from "../../global-singleton";
import { countMessage } from "./count-message";
import { countMissed } from "./count-missed";
import type { CountEvent } from "./stat-flags";

/** What a bus event means for statistics; `sent` and `pending` after a retry change no total. */
export function countEventOf(event: AppEvent): { messageId: number; deviceId: string; event: CountEvent } | null {
  if (event.name === "message.received") return { messageId: event.data.messageId, deviceId: event.data.deviceId, event: "stored" };
  if (event.name !== "message.status") return null;
  const { messageId, deviceId, status } = event.data;
  // `pending` is published when an outgoing message is stored, before it is sent.
  if (status === "pending") return { messageId, deviceId, event: "stored" };
  if (status === "delivered" || status === "read" || status === "failed") return { messageId, deviceId, event: status };
  return null;
}

export interface StatisticsConsumer {
  /** Resolves when every event received so far is counted. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the daily statistics as messages and receipts arrive, from the event bus: the send and receive paths know
 * nothing of statistics. Events of one device are counted in order; devices run side by side (they touch different
 * rows). Events published while the process was down are picked up at start by `countMissed`.
 */
export function startStatisticsConsumer(log: Logger, opts: { catchUpHours?: number } = {}): StatisticsConsumer {
  const abort = new AbortController();
  const chains = new Map<string, Promise<void>>();
  const enqueue = (key: string, work: () => Promise<unknown>) => {
    const next = (chains.get(key) ?? Promise.resolve())
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error, key }, "counting a message into the statistics failed; `npm run stats:rebuild` repairs the day"),
      );
    chains.set(key, next);
    void next.then(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  };
  // Subscribed before the catch-up, so nothing published in between is missed (flags make the overlap harmless).
  const bus = eventBus();
  const live = bus.stream(abort.signal);
  let seen = bus.lastId;
  const waiters: Array<{ id: number; resolve: () => void }> = [];
  const loop = (async () => {
    for await (const event of live) {
      const job = countEventOf(event);
      if (job) enqueue(job.deviceId, () => countMessage(job.messageId, job.event));
      seen = event.id;
      for (const waiter of waiters.filter((w) => w.id <= seen)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  })();
  enqueue("catch-up", () => countMissed(new Date(Date.now() - (opts.catchUpHours ?? 48) * 3_600_000)));

  const settled = async () => {
    const target = bus.lastId;
    if (seen < target && !abort.signal.aborted) await new Promise<void>((resolve) => waiters.push({ id: target, resolve }));
    while (chains.size > 0) await Promise.all(chains.values());
  };
  return {
    settled,
    async stop() {
      abort.abort();
      await loop;
      for (const waiter of waiters.splice(0)) waiter.resolve();
      await settled();
    },
  };
}

/** The consumer of this process (started by the custom server). */
export function statisticsConsumer(log: Logger): StatisticsConsumer {
  return globalSingleton("statisticsConsumer", () => startStatisticsConsumer(log));
}
