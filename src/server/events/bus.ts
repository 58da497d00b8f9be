import { EventEmitter } from "node:events";
import { globalSingleton } from "../global-singleton";
import { EventQueue } from "./event-queue";
import type { AppEvent, AppEventMap, AppEventName, EventScope, InternalSignalMap } from "./types";

/**
 * Publish/subscribe for app events. In-process today; the interface is small on purpose so a Redis-backed bus can
 * replace it when several instances share one database (SPEC §10).
 */
export interface EventBus {
  publish<K extends AppEventName>(name: K, data: AppEventMap[K], scope: EventScope): AppEvent;
  /**
   * Live events, starting now, that pass `accept` (all when omitted). Subscribe before replaying so nothing published
   * in between is lost. The filter runs at publish time, so a subscriber is not woken for events it would skip.
   */
  stream(signal: AbortSignal, accept?: (event: AppEvent) => boolean): AsyncIterable<AppEvent>;
  /**
   * Calls `listener` with every event, synchronously inside `publish` (keep it cheap: queue, don't do work). For a
   * fan-out that serves many subscribers at once; a single reader uses `stream`.
   */
  listen(listener: (event: AppEvent) => void): () => void;
  /** Buffered events with id > afterId, oldest first. */
  replay(afterId: number): AppEvent[];
  signal<K extends keyof InternalSignalMap>(name: K, data: InternalSignalMap[K]): void;
  onSignal<K extends keyof InternalSignalMap>(name: K, listener: (data: InternalSignalMap[K]) => void): () => void;
  readonly lastId: number;
}

const REPLAY_CAPACITY = 2000;

interface Subscription {
  queue: EventQueue<AppEvent>;
  accept: ((event: AppEvent) => boolean) | undefined;
}

class InProcessEventBus implements EventBus {
  private readonly signals = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private readonly listeners = new Set<(event: AppEvent) => void>();
  /** The last REPLAY_CAPACITY events, event `id` at `id % REPLAY_CAPACITY`: a ring, so publishing never shifts it. */
  private readonly recent: Array<AppEvent | undefined> = new Array<AppEvent | undefined>(REPLAY_CAPACITY);
  private seq = 0;

  constructor() {
    // Every open browser stream may hold a signal listener.
    this.signals.setMaxListeners(0);
  }

  get lastId(): number {
    return this.seq;
  }

  publish<K extends AppEventName>(name: K, data: AppEventMap[K], scope: EventScope): AppEvent {
    this.seq += 1;
    const event = { id: this.seq, name, data, scope, at: new Date().toISOString() } as AppEvent;
    this.recent[this.seq % REPLAY_CAPACITY] = event;
    for (const subscription of this.subscriptions) {
      if (!subscription.accept || subscription.accept(event)) subscription.queue.push(event);
    }
    for (const listener of this.listeners) listener(event);
    return event;
  }

  stream(signal: AbortSignal, accept?: (event: AppEvent) => boolean): AsyncIterable<AppEvent> {
    // Registered now, not at the first next(): events published while the caller replays are queued.
    const subscription: Subscription = { queue: new EventQueue<AppEvent>(), accept };
    const end = () => {
      this.subscriptions.delete(subscription);
      subscription.queue.end();
    };
    if (signal.aborted) end();
    else {
      this.subscriptions.add(subscription);
      signal.addEventListener("abort", end, { once: true });
    }
    return {
      [Symbol.asyncIterator]: () => {
        const iterator = subscription.queue[Symbol.asyncIterator]();
        return {
          next: () => iterator.next(),
          return: async () => {
            signal.removeEventListener("abort", end);
            end();
            return { done: true, value: undefined };
          },
        };
      },
    };
  }

  listen(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  replay(afterId: number): AppEvent[] {
    const events: AppEvent[] = [];
    for (let id = Math.max(afterId + 1, this.seq - REPLAY_CAPACITY + 1, 1); id <= this.seq; id += 1) {
      const event = this.recent[id % REPLAY_CAPACITY];
      if (event) events.push(event);
    }
    return events;
  }

  signal<K extends keyof InternalSignalMap>(name: K, data: InternalSignalMap[K]): void {
    this.signals.emit(name, data);
  }

  onSignal<K extends keyof InternalSignalMap>(name: K, listener: (data: InternalSignalMap[K]) => void): () => void {
    this.signals.on(name, listener);
    return () => this.signals.off(name, listener);
  }
}

export function eventBus(): EventBus {
  return globalSingleton("eventBus", () => new InProcessEventBus());
}

export function canSee(event: AppEvent, viewer: { id: number; role: "admin" | "user" }): boolean {
  return viewer.role === "admin" || event.scope.ownerId === viewer.id;
}
