"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, createWSClient, httpBatchStreamLink, httpSubscriptionLink, loggerLink, splitLink, wsLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_SIZE } from "./batch-limit";
import { LIVE_SOCKET_PATH } from "./live-socket-path";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

let browserQueryClient: QueryClient | undefined;
function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/**
 * Subscriptions travel over one WebSocket per tab: an SSE stream per tab held one of the browser's six HTTP/1.1
 * connections to the server, and a few open tabs stalled every page load. Lazy: opened by the first subscription.
 * On the server (rendering) there is no WebSocket, and no subscription runs there either.
 */
function subscriptionLink() {
  if (typeof window === "undefined") return httpSubscriptionLink({ url: "/api/trpc", transformer: superjson });
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${LIVE_SOCKET_PATH}`;
  return wsLink({ client: createWSClient({ url, lazy: { enabled: true, closeMs: 0 } }), transformer: superjson });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        splitLink({
          condition: (op) => op.type === "subscription",
          true: subscriptionLink(),
          false: httpBatchStreamLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
