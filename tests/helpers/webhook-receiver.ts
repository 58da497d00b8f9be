import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  headers: IncomingMessage["headers"];
  body: string;
  /** Answers the request (when the responder left it open). */
  respond: (status: number, text?: string) => void;
}

/** What to answer: a status (and text), or "hold" to leave the request open (a slow or dying receiver). */
export type Responder = (request: ReceivedRequest, index: number) => { status: number; text?: string } | "hold";

/** A real HTTP receiver on loopback (port 0) that records every request and emits "request" for each. */
export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  events: EventEmitter;
  respondWith(responder: Responder): void;
  /** Resolves when `count` requests have arrived (now or later); event-driven, no polling. */
  received(count: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(path = "/hook"): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const events = new EventEmitter();
  const open = new Set<ServerResponse>();
  let responder: Responder = () => ({ status: 200, text: "ok" });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      open.add(res);
      const respond = (status: number, text = "") => {
        open.delete(res);
        if (!res.writableEnded && !res.destroyed) res.writeHead(status, { "content-type": "text/plain" }).end(text);
      };
      const request: ReceivedRequest = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), respond };
      requests.push(request);
      const answer = responder(request, requests.length - 1);
      if (answer !== "hold") respond(answer.status, answer.text);
      events.emit("request", request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    events,
    respondWith(next) {
      responder = next;
    },
    received(count) {
      return new Promise((resolve) => {
        const check = () => {
          if (requests.length < count) return;
          events.off("request", check);
          resolve(requests.slice(0, count));
        };
        events.on("request", check);
        check();
      });
    },
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
