import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type TRPCResponseMessage,
} from "@trpc/server/unstable-core-do-not-import";
import type { Logger } from "pino";
import type { WebSocket } from "ws";
import { toWire } from "../events/client-event";
import { eventFanout } from "../events/fanout";
import { liveFeedTarget } from "../events/live-feed";
import type { AppEvent } from "../events/types";
import { appMetrics } from "../metrics/registry";
import type { Context } from "./context";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const PATH = "events.stream";
const WS_OPEN = 1;
const config = appRouter._def._config;
const createCaller = createCallerFactory(appRouter);
// A Buffer would go out as a binary frame; wsLink reads text frames. (A failed write surfaces as the socket's error.)
const TEXT = { binary: false } as const;

/** A request of tRPC's WebSocket protocol (what wsLink sends). */
interface WsRequest {
  id: number | string;
  jsonrpc?: "2.0";
  method: string;
  params?: { path?: unknown; input?: unknown; lastEventId?: unknown };
}

/** The frames of one event for each subscription id that carries it: built once, written to every socket. */
const frameCache = new WeakMap<AppEvent, Map<string, Buffer>>();

function dataFrame(event: AppEvent, request: WsRequest): Buffer {
  let frames = frameCache.get(event);
  if (!frames) frameCache.set(event, (frames = new Map()));
  const key = `${request.jsonrpc ?? ""}:${typeof request.id}:${request.id}`;
  let frame = frames.get(key);
  if (!frame) {
    const id = String(event.id);
    // Exactly what tRPC's ws adapter sends for a tracked() item, so the browser's wsLink is unchanged.
    const message = { id: request.id, jsonrpc: request.jsonrpc, result: { type: "data" as const, id, data: { id, data: toWire(event) } } };
    frame = Buffer.from(JSON.stringify(transformTRPCResponse(config, message)));
    frames.set(key, frame);
  }
  return frame;
}

/**
 * Serves `events.stream` subscriptions of one live-socket connection from the shared fan-out, speaking tRPC's
 * WebSocket protocol: tRPC still authorises the caller and validates the input (through a server-side caller), but
 * each event is then written as one frame shared by every socket, with no iterator, promise or serialisation per
 * subscriber. Everything else on the socket goes to tRPC's own handler.
 */
export class LiveEventsChannel {
  private readonly subscriptions = new Map<number | string, () => void>();

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: () => Promise<Context>,
    private readonly log: Logger,
  ) {
    ws.once("close", () => {
      for (const stop of [...this.subscriptions.values()]) stop();
    });
  }

  /**
   * Handles the requests of one text message that are ours (wsLink may batch several into an array). Returns what is
   * left for tRPC's handler: the message itself when nothing was ours, null when everything was.
   */
  take(data: Buffer): Buffer | null {
    const text = data.toString("utf8");
    if (!text.includes(PATH) && !text.includes("subscription.stop")) return data;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return data;
    }
    const requests: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    const rest = requests.filter((request) => !this.handle(request));
    if (rest.length === requests.length) return data;
    if (rest.length === 0) return null;
    return Buffer.from(JSON.stringify(rest.length === 1 ? rest[0] : rest));
  }

  private handle(raw: unknown): boolean {
    if (!isRequest(raw)) return false;
    if (raw.method === "subscription" && raw.params?.path === PATH) {
      this.subscribe(raw);
      return true;
    }
    if (raw.method === "subscription.stop" && this.subscriptions.has(raw.id)) {
      this.subscriptions.get(raw.id)?.();
      this.respond({ id: raw.id, jsonrpc: raw.jsonrpc, result: { type: "stopped" } });
      return true;
    }
    return false;
  }

  private subscribe(request: WsRequest): void {
    if (this.subscriptions.has(request.id)) {
      this.fail(request, new TRPCError({ code: "BAD_REQUEST", message: `Duplicate id ${request.id}` }), undefined);
      return;
    }
    const abort = new AbortController();
    let detach: (() => void) | null = null;
    const stop = () => {
      if (!this.subscriptions.delete(request.id)) return;
      abort.abort();
      if (detach) {
        detach();
        appMetrics().eventSubscribers.dec();
      }
    };
    this.subscriptions.set(request.id, stop);
    let input: unknown;
    void (async () => {
      input = inputOf(request);
      const ctx = await this.ctx();
      const stream = await createCaller(ctx, { signal: abort.signal }).events.stream(input as never);
      const target = liveFeedTarget(stream);
      if (!target) throw new Error("events.stream returned an unmarked stream");
      if (abort.signal.aborted || this.ws.readyState !== WS_OPEN) return;
      this.respond({ id: request.id, jsonrpc: request.jsonrpc, result: { type: "started" } });
      detach = eventFanout().attach(target.viewer, target.lastEventId, {
        deliver: (event) => this.send(dataFrame(event, request)),
        revoked: () => {
          stop();
          this.fail(request, new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended; sign in again" }), input);
        },
      });
      appMetrics().eventSubscribers.inc();
    })().catch((cause: unknown) => {
      this.subscriptions.delete(request.id);
      this.fail(request, getTRPCErrorFromUnknown(cause), input);
    });
  }

  private fail(request: WsRequest, error: TRPCError, input: unknown): void {
    if (error.code === "INTERNAL_SERVER_ERROR") this.log.error({ err: error, path: PATH }, "tRPC internal error (live socket)");
    const shape = getErrorShape({ config, error, type: "subscription", path: PATH, input, ctx: undefined });
    this.respond({ id: request.id, jsonrpc: request.jsonrpc, error: shape });
  }

  private respond(message: TRPCResponseMessage): void {
    this.send(JSON.stringify(transformTRPCResponse(config, message)));
  }

  private send(frame: Buffer | string): void {
    if (this.ws.readyState !== WS_OPEN) return;
    this.ws.send(frame, TEXT);
  }
}

function isRequest(value: unknown): value is WsRequest {
  if (typeof value !== "object" || value === null) return false;
  const { id, method } = value as Partial<WsRequest>;
  return (typeof id === "number" || typeof id === "string") && typeof method === "string";
}

/** The procedure input as tRPC's adapter builds it: the transformer's input, with the link's lastEventId merged in. */
function inputOf(request: WsRequest): unknown {
  const raw = request.params?.input;
  let input: unknown = raw === undefined ? undefined : config.transformer.input.deserialize(raw);
  const lastEventId = request.params?.lastEventId;
  if (lastEventId !== undefined) {
    input = typeof input === "object" && input !== null ? { ...input, lastEventId } : (input ?? { lastEventId });
  }
  return input;
}
