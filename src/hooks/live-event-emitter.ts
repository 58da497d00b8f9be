import type { ClientEvent } from "@/server/events/client-event";
import type { AppEventName } from "@/server/events/types";

/** What the browser receives from `events.stream` (the server strips the scope). */
export type LiveEvent = ClientEvent;
export type LiveEventOf<K extends AppEventName> = Extract<LiveEvent, { name: K }>;
export type LiveEventHandler<K extends AppEventName> = (event: LiveEventOf<K>) => void;

/** A tiny typed client-side emitter: pages listen to specific events without opening their own stream. */
export class LiveEventEmitter {
  private readonly handlers = new Map<AppEventName, Set<(event: LiveEvent) => void>>();

  on<K extends AppEventName>(name: K, handler: LiveEventHandler<K>): () => void {
    const set = this.handlers.get(name) ?? new Set();
    const wrapped = handler as (event: LiveEvent) => void;
    set.add(wrapped);
    this.handlers.set(name, set);
    return () => set.delete(wrapped);
  }

  emit(event: LiveEvent): void {
    for (const handler of this.handlers.get(event.name) ?? []) handler(event);
  }
}
