import type { Viewer } from "./fanout";

const LIVE_FEED = Symbol.for("switchboard.liveFeed");

/** Who a stream is for and where it resumes: what a transport needs to serve it from the fan-out instead. */
export interface LiveFeedTarget {
  viewer: Viewer;
  lastEventId: number | null;
}

/**
 * Marks an event stream with its target, so the live socket can serve it through `EventFanout` (one shared frame per
 * event, no iterator per subscriber) after tRPC has authorised the caller and validated the input. A symbol from the
 * global registry: the custom server and Next's bundle each hold their own copy of this module.
 */
export function withLiveFeedTarget<T extends object>(stream: T, target: LiveFeedTarget): T {
  return Object.assign(stream, { [LIVE_FEED]: target });
}

export function liveFeedTarget(value: unknown): LiveFeedTarget | null {
  if (typeof value !== "object" || value === null || !(LIVE_FEED in value)) return null;
  return (value as { [LIVE_FEED]: LiveFeedTarget })[LIVE_FEED];
}
