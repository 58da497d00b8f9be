import { tracked } from "@trpc/server";
import { z } from "zod";
import { canSee, eventBus } from "../../../events/bus";
import type { AppEvent } from "../../../events/types";
import { appMetrics } from "../../../metrics/registry";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

/** An event id as EventSource resends it (a decimal string) or a client passes it (a number); nothing else. */
const zLastEventId = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^\d{1,15}$/, "lastEventId must be an event id")
    .transform(Number),
]);

/** What the browser receives: each event without its scope, keeping the link between name and data. */
export type ClientEvent = AppEvent extends infer E ? (E extends AppEvent ? Omit<E, "scope"> : never) : never;

export const eventsRouter = createTRPCRouter({
  /** One stream per caller: own devices for users, everything for admins. Resumes after `lastEventId`. */
  stream: protectedProcedure
    .input(z.object({ lastEventId: zLastEventId.nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const viewer = ctx.actor;
      const bus = eventBus();
      const abort = new AbortController();
      signal?.addEventListener("abort", () => abort.abort(), { once: true });
      // A lock or a password change ends this stream at once; the client's reconnect is then refused by protectedProcedure.
      const stopListening = bus.onSignal("user.sessionsRevoked", ({ userId }) => {
        if (userId === viewer.id) abort.abort();
      });
      appMetrics().eventSubscribers.inc();
      try {
        const live = bus.stream(abort.signal);
        let lastSent = input?.lastEventId ?? bus.lastId;
        for (const event of bus.replay(lastSent)) {
          if (canSee(event, viewer)) yield tracked(String(event.id), strip(event));
          lastSent = event.id;
        }
        for await (const event of live) {
          if (event.id <= lastSent || !canSee(event, viewer)) continue;
          lastSent = event.id;
          yield tracked(String(event.id), strip(event));
        }
      } finally {
        appMetrics().eventSubscribers.dec();
        stopListening();
        abort.abort();
      }
    }),
});

function strip(event: AppEvent): ClientEvent {
  const { scope: _scope, ...rest } = event;
  return rest;
}
