import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { EventEmitter } from "node:events";
import { getWSConnectionHandler } from "@trpc/server/adapters/ws";
import { getToken } from "next-auth/jwt";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "pino";
import { LIVE_SOCKET_PATH } from "../../trpc/live-socket-path";
import { createContext, type SessionUser } from "./context";
import { LiveEventsChannel } from "./live-events-channel";
import { appRouter } from "./root";


/** Connections end after this long so the browser reconnects and its session cookie is checked again (as SSE did). */
const REAUTH_AFTER_MS = 5 * 60_000;

export interface LiveSocketServer {
  /** Takes the upgrade if it is for the live socket (answers it, or refuses it); false = not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

/**
 * tRPC subscriptions over one WebSocket per tab, on the custom server: an SSE stream per tab held one of the browser's
 * six HTTP/1.1 connections to the server, so a few open tabs stalled every page load.
 */
export function createLiveSocketServer(opts: { secret: string; publicUrl: string | undefined; log: Logger }): LiveSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sessions = new WeakMap<IncomingMessage, SessionUser | null>();
  const contextOf = (req: IncomingMessage) => createContext({ headers: toHeaders(req), session: sessions.get(req) ?? null });
  const trpcConnection = getWSConnectionHandler({
    wss,
    router: appRouter,
    createContext: ({ req }) => contextOf(req),
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 10_000 },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") opts.log.error({ err: error, path }, "tRPC internal error (live socket)");
    },
  });
  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const timer = setTimeout(() => ws.close(4000, "re-authenticate"), REAUTH_AFTER_MS);
    timer.unref();
    ws.once("close", () => clearTimeout(timer));
    // events.stream is served from the shared fan-out; every other message reaches tRPC's handler unchanged.
    const events = new LiveEventsChannel(ws, async () => contextOf(req), opts.log);
    const trpcSide = new TrpcSocketView(ws);
    trpcConnection(trpcSide as unknown as WebSocket, req);
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      const rest = isBinary ? data : events.take(data);
      if (rest) trpcSide.emit("message", rest, isBinary);
    });
  });

  const allowedOrigins = (req: IncomingMessage): Set<string> => {
    const origins = new Set<string>();
    if (opts.publicUrl) origins.add(new URL(opts.publicUrl).origin);
    if (req.headers.host) origins.add(`http://${req.headers.host}`).add(`https://${req.headers.host}`);
    return origins;
  };

  return {
    handleUpgrade(req, socket, head) {
      if (new URL(req.url ?? "/", "http://localhost").pathname !== LIVE_SOCKET_PATH) return false;
      // Browsers send cookies with cross-site WebSocket upgrades: only our own pages may open this socket.
      const origin = req.headers.origin;
      if (!origin || !allowedOrigins(req).has(origin)) {
        refuse(socket, 403, "Forbidden");
        return true;
      }
      sessionFromCookie(req, opts.secret)
        .then((session) => {
          // No session still upgrades: the subscription is then refused as UNAUTHORIZED, which the client acts on.
          sessions.set(req, session);
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
        })
        .catch((error: unknown) => {
          opts.log.error({ err: error }, "live socket upgrade failed");
          refuse(socket, 500, "Internal Server Error");
        });
      return true;
    },
    close() {
      const reconnect = JSON.stringify({ id: null, method: "reconnect" });
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(reconnect);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** The decoded next-auth JWT of the upgrade request (procedures re-check the account against the database). */
async function sessionFromCookie(req: IncomingMessage, secret: string): Promise<SessionUser | null> {
  const token = await getToken({ req: { headers: req.headers, cookies: parseCookies(req.headers.cookie) } as never, secret });
  if (!token || typeof token.uid !== "number") return null;
  return { id: token.uid, role: token.role, sessionVersion: token.sv };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie is ignored, as a browser's cookie parser would
    }
  }
  return cookies;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The socket as tRPC's connection handler sees it: the same socket, except that it only receives the messages the
 * events channel did not take.
 */
class TrpcSocketView extends EventEmitter {
  constructor(private readonly ws: WebSocket) {
    super();
    ws.on("error", (error) => this.emit("error", error));
    ws.once("close", (code, reason) => this.emit("close", code, reason));
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  send(data: string | Buffer): void {
    this.ws.send(data);
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }
}
