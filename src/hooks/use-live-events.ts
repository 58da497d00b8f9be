"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { isUnauthorized } from "@/components/errors/error-message";
import { fromWire } from "@/server/events/client-event";
import { useTRPC } from "@/trpc/react";
import { InvalidationBatcher } from "./invalidation-batcher";
import { LiveEventEmitter } from "./live-event-emitter";
import { patchRows } from "./patch-cache";

export type LiveStatus = "connecting" | "live" | "reconnecting";

/** Query-key prefixes of tRPC procedures (`[["device", "list"], …]` matches `[["device"]]`). */
const DEVICE_KEYS = [[["device"]], [["admin", "devices"]], [["stats"]]];
const MESSAGE_KEYS = [[["message"]], [["chat"]], [["admin", "messages"]], [["stats"]]];
const INVALIDATE_DELAY_MS = 250;
const REAUTH_RETRY_MS = 2000;

/** Resume point kept across remounts of the shell within this page load. */
let lastEventId: number | null = null;

/**
 * State read only by callbacks, never during render. Module-level like `lastEventId`: the shell opens one stream per
 * page. `reauthenticating` is set while the user re-signs in on purpose (password change), so the stream's
 * UNAUTHORIZED is not a sign-out; `reset`/`status` mirror the subscription.
 */
const session: { reauthenticating: boolean; retryTimer: ReturnType<typeof setTimeout> | null; reset: () => void; status: string } = {
  reauthenticating: false,
  retryTimer: null,
  reset: () => undefined,
  status: "idle",
};

/**
 * The one subscription to `events.stream`, opened once by the app shell. Each event patches cached queries that hold
 * the affected row (instant), schedules a batched invalidation (authoritative), and is re-emitted on a client-side
 * emitter for components that react to a specific event (the QR panel).
 */
export function useLiveEvents(): { emitter: LiveEventEmitter; status: LiveStatus; restart: () => void; expectReauth: () => void } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [emitter] = useState(() => new LiveEventEmitter());
  // The input is fixed at mount; on reconnects the link itself resends the last tracked id (Last-Event-ID).
  const [input] = useState(() => ({ lastEventId }));
  const [batcher] = useState(() => new InvalidationBatcher(queryClient, INVALIDATE_DELAY_MS));

  useEffect(
    () => () => {
      batcher.dispose();
      if (session.retryTimer) clearTimeout(session.retryTimer);
    },
    [batcher],
  );

  const handlers = useMemo(() => {
    const invalidate = (keys: unknown[][]) => batcher.add(keys);

    const patch = (keys: unknown[][], match: (row: Record<string, unknown>) => boolean, values: Record<string, unknown>) => {
      for (const queryKey of keys) queryClient.setQueriesData({ queryKey }, (old: unknown) => patchRows(old, match, values));
    };

    return {
      onData(tracked: { id: string; data: string }) {
        const event = fromWire(tracked.data);
        lastEventId = Number(tracked.id);
        switch (event.name) {
          case "device.status": {
            const { deviceId, status, phoneNumber, reason } = event.data;
            patch(DEVICE_KEYS, (row) => row.deviceId === deviceId && "status" in row, { status, phoneNumber, ...(reason ? { lastError: reason } : {}) });
            invalidate(DEVICE_KEYS);
            break;
          }
          case "message.status": {
            const { messageId, status, error, waMessageId } = event.data;
            patch(MESSAGE_KEYS, (row) => row.id === messageId && "direction" in row, { status, error, waMessageId });
            invalidate(MESSAGE_KEYS);
            break;
          }
          case "message.received":
            invalidate(MESSAGE_KEYS);
            break;
          case "chat.read":
            invalidate([[["chat"]]]);
            break;
          case "scheduled.status":
            // The scheduled list is paged (infinite query), so it is refetched rather than patched.
            invalidate([[["message", "scheduled"]]]);
            break;
          case "bot.handoff":
            // The hand-off lists, the chat banner and the device badges all read from the bot router.
            invalidate([[["bot"]]]);
            break;
          case "job.progress":
          case "job.finished":
            invalidate([[["job"]], [["admin", "jobs"]]]);
            break;
          default:
            break;
        }
        emitter.emit(event);
      },
      onError(error: unknown) {
        // A session that ended on purpose (password change in this tab) is handled by whoever ended it.
        if (!isUnauthorized(error) || session.reauthenticating) return;
        // The server guard redirects to the login page if the session is really gone; if it is still valid (signed
        // in again in another tab), reopen the stream a moment later.
        router.refresh();
        if (session.retryTimer) clearTimeout(session.retryTimer);
        session.retryTimer = setTimeout(() => session.reset(), REAUTH_RETRY_MS);
      },
    };
  }, [batcher, emitter, queryClient, router]);

  const subscription = useSubscription(trpc.events.stream.subscriptionOptions(input, { onData: handlers.onData, onError: handlers.onError }));

  const status: LiveStatus =
    subscription.status === "pending" ? "live" : subscription.status === "error" || lastEventId !== null ? "reconnecting" : "connecting";
  useEffect(() => {
    session.reset = subscription.reset;
    session.status = subscription.status;
  });
  const restart = useCallback(() => {
    session.reauthenticating = false;
    if (session.status === "error") session.reset();
  }, []);
  const expectReauth = useCallback(() => {
    session.reauthenticating = true;
  }, []);
  return { emitter, status, restart, expectReauth };
}
