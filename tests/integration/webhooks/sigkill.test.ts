import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { startWebhookReceiver, type WebhookReceiver } from "../../helpers/webhook-receiver";

const WORKER = path.join(import.meta.dirname, "webhook-worker.ts");
const EVENTS = 20;
/** The worker is killed while it waits for the receiver's answer to this request (0-based). */
const KILL_AT = 6;

let owner: TestUser;
let receiver: WebhookReceiver;
/** Every worker started, so a failing test leaves none running. */
const workers: ChildProcess[] = [];

async function startWorker() {
  // node --import tsx, not the tsx CLI: a SIGKILL of the CLI would not reach the grandchild that runs the script.
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: { ...process.env, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.push(child);
  const exited = new Promise<string | number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("ready\n")) resolve();
    });
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    if (process.env.WEBHOOK_DEBUG) child.stdout.on("data", (d: Buffer) => process.stderr.write(d));
    void exited.then((code) => reject(new Error(`worker exited (${String(code)}) before it was ready:\n${output}`)));
  });
  return { child, exited };
}

/** Resolves when no delivery of the endpoint is pending (the worker is another process: a state poll, 20 ms). */
async function allSettled(endpointId: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db().webhookDelivery.count({ where: { endpointId, status: "pending" } })) > 0) {
    if (Date.now() > deadline) throw new Error("deliveries still pending");
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  await resetDb();
  owner = await createUser();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await receiver?.close();
});

describe("[WEBHOOK][SIGKILL] deliveries survive kill -9 of the sender", () => {
  it(`${EVENTS} events, the worker killed mid-request: every event arrives, none is lost`, { timeout: 120_000 }, async () => {
    const caller = await callerFor(owner);
    const { endpoint } = await caller.webhook.create({ url: receiver.url, events: ["message.received"] });
    const queued = [];
    for (let i = 0; i < EVENTS; i++) queued.push(await caller.webhook.sendTest({ webhookId: endpoint.id }));

    receiver.respondWith((_r, i) => (i === KILL_AT ? "hold" : { status: 200 }));
    const first = await startWorker();
    const held = await receiver.received(KILL_AT + 1);
    expect(held).toHaveLength(KILL_AT + 1);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    receiver.respondWith(() => ({ status: 200 }));

    const second = await startWorker();
    try {
      await allSettled(endpoint.id);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
    const rows = await db().webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { status: true, eventId: true } });
    expect(rows.filter((r) => r.status !== "succeeded")).toEqual([]);
    const seen = new Set(receiver.requests.map((r) => r.headers["x-switchboard-event-id"]));
    const lost = queued.filter((q) => !seen.has(q.eventId));
    expect(lost).toEqual([]);
    // At least once: the request the killed worker held is sent again; anything else arrives exactly once.
    const counts = new Map<string, number>();
    for (const r of receiver.requests) counts.set(String(r.headers["x-switchboard-event-id"]), (counts.get(String(r.headers["x-switchboard-event-id"])) ?? 0) + 1);
    const repeated = [...counts.values()].filter((n) => n > 1).length;
    expect(repeated).toBeGreaterThanOrEqual(1);
    expect(repeated).toBeLessThanOrEqual(2);
  });
});
