import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from "@/lib/webhook-signature";
import { DestinationRefusedError, guardedLookup, isPrivateAddress } from "./destination";

export const RESPONSE_EXCERPT_CHARS = 1000;
/** Bytes read of a response: enough for the excerpt; the rest is not waited for. */
const RESPONSE_READ_BYTES = 8 * 1024;

export interface PostRequest {
  url: string;
  body: string;
  secret: string;
  eventId: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

export type PostResult =
  | { kind: "response"; status: number; excerpt: string; durationMs: number }
  | { kind: "error"; error: string; refused: boolean; durationMs: number };

function readExcerpt(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_EXCERPT_CHARS));
    res.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_READ_BYTES) {
        res.destroy();
        done();
      }
    });
    res.on("end", done);
    res.on("error", done);
    res.on("close", done);
  });
}

/**
 * POSTs one signed delivery. The whole exchange (connect, answer, excerpt) is bounded by `timeoutMs`; addresses are
 * checked at connection time (an IP literal here, a name in the lookup), never only when the endpoint was saved.
 */
export async function postWebhook(req: PostRequest): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(req.url);
  const literal = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!req.allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    return { kind: "error", error: `${literal} is a private or local address`, refused: true, durationMs: 0 };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    const { status, excerpt } = await new Promise<{ status: number; excerpt: string }>((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: "POST",
          lookup: guardedLookup(req.allowPrivate),
          signal,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(req.body),
            "user-agent": "Switchboard-Webhooks/1",
            [SIGNATURE_HEADER]: signWebhook(req.secret, req.body, timestamp),
            [EVENT_ID_HEADER]: req.eventId,
          },
        },
        (res) => {
          readExcerpt(res).then((text) => resolve({ status: res.statusCode ?? 0, excerpt: text }), reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(req.body);
    });
    return { kind: "response", status, excerpt, durationMs: elapsed() };
  } catch (error) {
    if (error instanceof DestinationRefusedError || (error instanceof Error && error.name === "DestinationRefusedError")) {
      return { kind: "error", error: error.message, refused: true, durationMs: elapsed() };
    }
    const message = signal.aborted ? `No answer within ${req.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
    return { kind: "error", error: message.slice(0, 500), refused: false, durationMs: elapsed() };
  }
}
