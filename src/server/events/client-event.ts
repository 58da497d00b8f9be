import type { AppEvent, AppEventMap, AppEventName } from "./types";

/** What the browser receives: each event without its scope, keeping the link between name and data. */
export type ClientEvent = { [K in AppEventName]: { id: number; name: K; data: AppEventMap[K]; at: string } }[AppEventName];

const wireCache = new WeakMap<AppEvent, string>();

/**
 * The event as the browser receives it, serialised once and shared by every subscriber that may see it: with hundreds
 * of open tabs, serialising per subscriber was most of the cost of an event.
 */
export function toWire(event: AppEvent): string {
  let wire = wireCache.get(event);
  if (wire === undefined) {
    const { scope: _scope, ...rest } = event;
    wire = JSON.stringify(rest);
    wireCache.set(event, wire);
  }
  return wire;
}

/** The browser's side of `toWire` (events carry only JSON values: strings, numbers, booleans, null). */
export function fromWire(wire: string): ClientEvent {
  return JSON.parse(wire) as ClientEvent;
}
