"use client";

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import type { LiveEventHandler } from "@/hooks/live-event-emitter";
import { useLiveEvents, type LiveStatus } from "@/hooks/use-live-events";
import type { AppEventName } from "@/server/events/types";
import type { LiveEventEmitter } from "@/hooks/live-event-emitter";

interface LiveEventsValue {
  emitter: LiveEventEmitter;
  status: LiveStatus;
  /** Re-opens the stream (after signing in again with a new password). */
  restart: () => void;
  /** Call before an action that ends the session on purpose and signs in again. */
  expectReauth: () => void;
}

const LiveEventsContext = createContext<LiveEventsValue | null>(null);

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { emitter, status, restart, expectReauth } = useLiveEvents();
  const value = useMemo(() => ({ emitter, status, restart, expectReauth }), [emitter, status, restart, expectReauth]);
  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}

function useLiveEventsContext(): LiveEventsValue {
  const value = useContext(LiveEventsContext);
  if (!value) throw new Error("Live events need <LiveEventsProvider> (the app shell) above them");
  return value;
}

export function useLiveStatus(): LiveStatus {
  return useLiveEventsContext().status;
}

export function useLiveReauth(): { expectReauth: () => void; restart: () => void } {
  const { expectReauth, restart } = useLiveEventsContext();
  return useMemo(() => ({ expectReauth, restart }), [expectReauth, restart]);
}

/** Calls `handler` for every live event named `name`; the latest handler is used without resubscribing. */
export function useLiveEvent<K extends AppEventName>(name: K, handler: LiveEventHandler<K>): void {
  const { emitter } = useLiveEventsContext();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => emitter.on(name, (event) => latest.current(event)), [emitter, name]);
}
