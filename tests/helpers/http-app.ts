import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import superjson from "superjson";
import { fromWire } from "../../src/server/events/client-event";
import { TEST_DATABASE_URL } from "./test-env";

const root = path.resolve(import.meta.dirname, "../..");

export interface RunningApp {
  baseUrl: string;
  sandboxUrl: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A port that is free right now, so test runs side by side (several checkouts on one machine) never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the production build (`npm run build`) as a child process against the test database, in sandbox mode. */
export async function startApp(ports?: { port: number; sandboxPort: number }, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const opts = ports ?? { port: await freePort(), sandboxPort: await freePort() };
  const entry = path.join(root, "dist/server.mjs");
  if (!existsSync(entry) || !existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("This test runs the production server: run `npm run build` first (npm run test:all does)");
  }
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const sandboxUrl = `http://127.0.0.1:${opts.sandboxPort}`;
  // APP_NODE_ARGS: extra node flags for the server (e.g. --cpu-prof when profiling a bench).
  const nodeArgs = process.env.APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: TEST_DATABASE_URL,
      NEXTAUTH_URL: baseUrl,
      HOST: "127.0.0.1",
      PORT: String(opts.port),
      WA_MODE: "sandbox",
      WA_SANDBOX_URL: sandboxUrl,
      // As `npm run setup` configures it: the sandbox's control API then requires this bearer token.
      SANDBOX_CONTROL_TOKEN: "http-test-control-token",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`))),
  );
  const ready = (async () => {
    for (;;) {
      try {
        const res = await fetch(`${baseUrl}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.race([ready, exited]);
  return {
    baseUrl,
    sandboxUrl,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A cookie-keeping HTTP client that signs in through next-auth and calls tRPC like the browser does. */
export class AppClient {
  private cookies = new Map<string, string>();
  /** `headers` go on every request (an X-Forwarded-For to act from another address when the server trusts a proxy). */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** The session cookies, as a Cookie header (e.g. for a WebSocket upgrade). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const idx = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, idx), pair!.slice(idx + 1));
    }
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    headers.set("cookie", this.cookieHeader());
    const res = await fetch(`${this.baseUrl}${pathname}`, { ...init, headers, redirect: "manual" });
    this.keepCookies(res);
    return res;
  }

  async signIn(identifier: string, password: string): Promise<void> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken, identifier, password, json: "true" });
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) {
      throw new Error(`sign-in failed (${res.status}): ${await res.text()}`);
    }
  }

  async mutation<T>(procedure: string, input: unknown): Promise<T> {
    const res = await this.fetch(`/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    });
    return this.unwrap<T>(res);
  }

  async query<T>(procedure: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return this.unwrap<T>(await this.fetch(`/api/trpc/${procedure}${qs}`));
  }

  private async unwrap<T>(res: Response): Promise<T> {
    const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
    if (!res.ok || !body.result) throw Object.assign(new Error(`tRPC call failed: ${res.status}`), { status: res.status, body });
    return superjson.deserialize<T>(body.result.data);
  }

  /** Opens the SSE subscription and returns a reader of parsed events. */
  async subscribe(procedure: string, input: unknown): Promise<SseStream> {
    const abort = new AbortController();
    const qs = `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const res = await this.fetch(`/api/trpc/${procedure}${qs}`, { signal: abort.signal, headers: { accept: "text/event-stream" } });
    if (!res.ok || !res.body) throw new Error(`subscription refused: ${res.status} ${await res.text()}`);
    return new SseStream(res.body, abort);
  }
}

export interface TrpcError {
  message: string;
  data: { code: string; httpStatus: number; errorId?: string | null; zodError?: unknown; stack?: string };
}

/** The error of a failed (non-batch) tRPC answer, decoded like the browser's client decodes it. */
export async function trpcError(res: Response): Promise<TrpcError> {
  const body = (await res.json()) as { error?: Parameters<typeof superjson.deserialize>[0] };
  if (!body.error) throw new Error(`expected a tRPC error, got ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return superjson.deserialize<TrpcError>(body.error);
}

export interface SseEvent {
  id: string | null;
  event: string | null;
  data: unknown;
}

export class SseStream {
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly abort: AbortController,
  ) {
    this.reader = body.getReader();
  }

  /** Reads until an SSE message matching `predicate` arrives (pings and other events are skipped). */
  async next(predicate: (e: SseEvent) => boolean): Promise<SseEvent> {
    for (;;) {
      const sep = this.buffer.indexOf("\n\n");
      if (sep >= 0) {
        const block = this.buffer.slice(0, sep);
        this.buffer = this.buffer.slice(sep + 2);
        const parsed = parseBlock(block);
        if (parsed && predicate(parsed)) return parsed;
        continue;
      }
      const { done, value } = await this.reader.read();
      if (done) throw new Error("event stream ended");
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

function parseBlock(block: string): SseEvent | null {
  let id: string | null = null;
  let event: string | null = null;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("id:")) id = line.slice(3).trim();
    else if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  // Keep-alive pings carry an empty data line: nothing to parse.
  if (!data.join("").trim()) return null;
  const raw: unknown = JSON.parse(data.join("\n"));
  const isSuperjson = typeof raw === "object" && raw !== null && "json" in raw;
  const value = isSuperjson ? superjson.deserialize(raw as Parameters<typeof superjson.deserialize>[0]) : raw;
  // events.stream sends each event serialised once for all subscribers (a JSON string).
  return { id, event, data: typeof value === "string" ? fromWire(value) : value };
}
