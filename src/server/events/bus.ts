import { EventEmitter, on } from "node:events";
import { globalSingleton } from "../global-singleton";
import type { AppEvent, AppEventMap, AppEventName, EventScope, InternalSignalMap } from "./types";

/**
 * Publish/subscribe for app events. In-process today; the interface is small on purpose so a Redis-backed bus can
 * replace it when several instances share one database (SPEC §10).
 */
export interface EventBus {
  publish<K extends AppEventName>(name: K, data: AppEventMap[K], scope: EventScope): AppEvent;
  /** Live events, starting now. Subscribe before replaying so nothing published in between is lost. */
  stream(signal: AbortSignal): AsyncIterable<AppEvent>;
  /** Buffered events with id > afterId, oldest first. */
  replay(afterId: number): AppEvent[];
  signal<K extends keyof InternalSignalMap>(name: K, data: InternalSignalMap[K]): void;
  onSignal<K extends keyof InternalSignalMap>(name: K, listener: (data: InternalSignalMap[K]) => void): () => void;
  readonly lastId: number;
}

const REPLAY_CAPACITY = 2000;

class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();
  private readonly buffer: AppEvent[] = [];
  private seq = 0;

  constructor() {
    // Every open browser stream holds one listener.
    this.emitter.setMaxListeners(0);
  }

  get lastId(): number {
    return this.seq;
  }

  publish<K extends AppEventName>(name: K, data: AppEventMap[K], scope: EventScope): AppEvent {
    this.seq += 1;
    const event = { id: this.seq, name, data, scope, at: new Date().toISOString() } as AppEvent;
    this.buffer.push(event);
    if (this.buffer.length > REPLAY_CAPACITY) this.buffer.splice(0, this.buffer.length - REPLAY_CAPACITY);
    this.emitter.emit("event", event);
    return event;
  }

  stream(signal: AbortSignal): AsyncIterable<AppEvent> {
    // on() registers its listener now, not at the first next(): events published while the caller replays are queued.
    const iterator = on(this.emitter, "event", { signal });
    return {
      async *[Symbol.asyncIterator]() {
        try {
          for await (const [event] of iterator) yield event as AppEvent;
        } catch (error) {
          if (signal.aborted) return;
          throw error;
        }
      },
    };
  }

  replay(afterId: number): AppEvent[] {
    return this.buffer.filter((e) => e.id > afterId);
  }

  signal<K extends keyof InternalSignalMap>(name: K, data: InternalSignalMap[K]): void {
    this.emitter.emit(`signal:${name}`, data);
  }

  onSignal<K extends keyof InternalSignalMap>(name: K, listener: (data: InternalSignalMap[K]) => void): () => void {
    this.emitter.on(`signal:${name}`, listener);
    return () => this.emitter.off(`signal:${name}`, listener);
  }
}

export function eventBus(): EventBus {
  return globalSingleton("eventBus", () => new InProcessEventBus());
}

export function canSee(event: AppEvent, viewer: { id: number; role: "admin" | "user" }): boolean {
  return viewer.role === "admin" || event.scope.ownerId === viewer.id;
}
