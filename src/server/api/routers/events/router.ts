import { tracked, TRPCError } from "@trpc/server";
import { z } from "zod";
import { canSee, eventBus } from "../../../events/bus";
import { toWire } from "../../../events/client-event";
import { withLiveFeedTarget, type LiveFeedTarget } from "../../../events/live-feed";
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


export const eventsRouter = createTRPCRouter({
  /**
   * One stream per caller: own devices for users, everything for admins. Resumes after `lastEventId`. Each item is the
   * event serialised once for all subscribers (`toWire`); the browser reads it with `fromWire`.
   */
  stream: protectedProcedure
    .input(z.object({ lastEventId: zLastEventId.nullish() }).optional())
    .subscription(({ ctx, input, signal }) => {
      const target = { viewer: { id: ctx.actor.id, role: ctx.actor.role }, lastEventId: input?.lastEventId ?? null };
      // The live socket serves a marked stream from the shared fan-out and never iterates it; SSE and callers do.
      return withLiveFeedTarget(streamEvents(target, signal), target);
    }),
});

/** The per-subscriber stream (SSE and in-process callers): replay after `lastEventId`, then live events. */
async function* streamEvents({ viewer, lastEventId }: LiveFeedTarget, signal: AbortSignal | undefined) {
  const bus = eventBus();
  const abort = new AbortController();
  signal?.addEventListener("abort", () => abort.abort(), { once: true });
  let revoked = false;
  // A lock or a password change ends this stream at once, as an UNAUTHORIZED error the client acts on.
  const stopListening = bus.onSignal("user.sessionsRevoked", ({ userId }) => {
    if (userId !== viewer.id) return;
    revoked = true;
    abort.abort();
  });
  appMetrics().eventSubscribers.inc();
  try {
    const live = bus.stream(abort.signal, (event) => canSee(event, viewer));
    let lastSent = lastEventId ?? bus.lastId;
    for (const event of bus.replay(lastSent)) {
      if (canSee(event, viewer)) yield tracked(String(event.id), toWire(event));
      lastSent = event.id;
    }
    for await (const event of live) {
      if (revoked) break;
      if (event.id <= lastSent) continue;
      lastSent = event.id;
      yield tracked(String(event.id), toWire(event));
    }
    if (revoked) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended; sign in again" });
  } finally {
    appMetrics().eventSubscribers.dec();
    stopListening();
    abort.abort();
  }
}
