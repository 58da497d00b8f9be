import { globalSingleton } from "../global-singleton";
import { canSee, eventBus, type EventBus } from "./bus";
import type { AppEvent } from "./types";

export interface Viewer {
  id: number;
  role: "admin" | "user";
}

/** One open subscriber: `deliver` hands it an event it may see (in id order, each once); it must not throw. */
export interface FanoutSink {
  deliver(event: AppEvent): void;
  /** The viewer's sessions were revoked (lock, password change): the sink is already detached. */
  revoked(): void;
}

interface Attached {
  viewer: Viewer;
  lastSent: number;
  sink: FanoutSink;
}

/**
 * Delivers bus events to many subscribers without a promise, an async iterator or a queue per subscriber: events
 * published in one tick are handed out together (in `setImmediate`), each filtered per viewer. A per-subscriber
 * async generator cost more CPU than the socket write itself at a few hundred subscribers.
 */
export class EventFanout {
  private readonly attached = new Set<Attached>();
  private pending: AppEvent[] = [];
  private scheduled = false;
  private readonly unsubscribe: Array<() => void>;

  constructor(private readonly bus: EventBus) {
    this.unsubscribe = [this.listen(), this.watchRevocations()];
  }

  get size(): number {
    return this.attached.size;
  }

  /** Stops listening to the bus (tests; the process's fan-out lives as long as the process). */
  close(): void {
    for (const stop of this.unsubscribe) stop();
    this.attached.clear();
  }

  private listen(): () => void {
    return this.bus.listen((event) => {
      if (this.attached.size === 0) return;
      this.pending.push(event);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private watchRevocations(): () => void {
    return this.bus.onSignal("user.sessionsRevoked", ({ userId }) => {
      for (const entry of [...this.attached]) {
        if (entry.viewer.id !== userId) continue;
        this.attached.delete(entry);
        entry.sink.revoked();
      }
    });
  }

  /**
   * Replays what `viewer` may see after `lastEventId` (everything new when null) and then delivers live events, with
   * nothing lost or repeated in between: replay and registration happen in the same tick as no publish can.
   * Returns the detach function.
   */
  attach(viewer: Viewer, lastEventId: number | null, sink: FanoutSink): () => void {
    const entry: Attached = { viewer: { id: viewer.id, role: viewer.role }, lastSent: lastEventId ?? this.bus.lastId, sink };
    for (const event of this.bus.replay(entry.lastSent)) this.offer(entry, event);
    // Events already queued for the next flush were replayed above; `lastSent` skips them then.
    this.attached.add(entry);
    return () => void this.attached.delete(entry);
  }

  private flush(): void {
    this.scheduled = false;
    const events = this.pending;
    this.pending = [];
    for (const event of events) {
      for (const entry of this.attached) this.offer(entry, event);
    }
  }

  private offer(entry: Attached, event: AppEvent): void {
    if (event.id <= entry.lastSent) return;
    entry.lastSent = event.id;
    if (canSee(event, entry.viewer)) entry.sink.deliver(event);
  }
}

/** The process's one fan-out (the custom server's live socket and tests share it). */
export function eventFanout(): EventFanout {
  return globalSingleton("eventFanout", () => new EventFanout(eventBus()));
}
