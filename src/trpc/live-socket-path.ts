/** Where the browser opens its one WebSocket for subscriptions; the custom server answers the upgrade there. */
export const LIVE_SOCKET_PATH = "/api/trpc-ws";
