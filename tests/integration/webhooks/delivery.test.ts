import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import { verifyWebhookSignature } from "../../../src/lib/webhook-signature";
import { db } from "../../../src/server/db";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { startWebhookReceiver, type WebhookReceiver } from "../../helpers/webhook-receiver";
import { startWebhookRunner, untilDelivery } from "./helpers";

let owner: TestUser;
let receiver: WebhookReceiver;
let runner: WorkRunner | undefined;

async function newEndpoint(url = receiver.url) {
  return (await callerFor(owner)).webhook.create({ url, events: ["message.received"], description: "CRM" });
}

beforeAll(async () => {
  await resetDb();
  owner = await createUser();
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await receiver?.close();
});
afterAll(async () => {
  await receiver?.close();
});

describe("[WEBHOOK] signed, durable delivery to a real receiver on loopback", () => {
  it("signs the body: the signature verifies, a tampered body or another secret fails", async () => {
    receiver = await startWebhookReceiver();
    const { endpoint, secret } = await newEndpoint();
    expect(secret).toMatch(/^whsec_/);
    const caller = await callerFor(owner);
    expect((await caller.webhook.revealSecret({ webhookId: endpoint.id })).secret).toBe(secret);
    runner = startWebhookRunner();
    const queued = await caller.webhook.sendTest({ webhookId: endpoint.id });
    const [request] = await receiver.received(1);
    const header = request!.headers["x-switchboard-signature"] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, request!.body, header)).toBe(true);
    expect(verifyWebhookSignature(secret, request!.body.replace("test event", "Test event"), header)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, request!.body, header)).toBe(false);
    // An old capture replayed later is refused by the timestamp tolerance.
    expect(verifyWebhookSignature(secret, request!.body, header, { nowSec: Math.floor(Date.now() / 1000) + 3600 })).toBe(false);
    const body = JSON.parse(request!.body) as { id: string; type: string; createdAt: string; data: unknown };
    expect(body).toMatchObject({ id: queued.eventId, type: "webhook.test" });
    expect(request!.headers["x-switchboard-event-id"]).toBe(queued.eventId);
    const done = await untilDelivery(queued.id, (d) => d.status !== "pending");
    expect(done).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, responseExcerpt: "ok" });
  });

  it("retries a 500 and then succeeds, with the same body", async () => {
    receiver = await startWebhookReceiver();
    receiver.respondWith((_r, i) => (i === 0 ? { status: 500, text: "boom" } : { status: 204 }));
    const { endpoint } = await newEndpoint();
    runner = startWebhookRunner();
    const queued = await (await callerFor(owner)).webhook.sendTest({ webhookId: endpoint.id });
    const done = await untilDelivery(queued.id, (d) => d.status !== "pending");
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 204 });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);
  });

  it("does not retry a 400 (but does retry 408 and 429)", async () => {
    receiver = await startWebhookReceiver();
    receiver.respondWith(() => ({ status: 400, text: "bad payload" }));
    const { endpoint } = await newEndpoint();
    runner = startWebhookRunner();
    const caller = await callerFor(owner);
    const queued = await caller.webhook.sendTest({ webhookId: endpoint.id });
    const done = await untilDelivery(queued.id, (d) => d.status !== "pending");
    expect(done).toMatchObject({ status: "failed", attempts: 1, responseStatus: 400, responseExcerpt: "bad payload" });
    expect(receiver.requests).toHaveLength(1);

    receiver.respondWith((_r, i) => (i === 1 ? { status: 429 } : i === 2 ? { status: 408 } : { status: 200 }));
    const again = await caller.webhook.sendTest({ webhookId: endpoint.id });
    expect(await untilDelivery(again.id, (d) => d.status !== "pending")).toMatchObject({ status: "succeeded", attempts: 3 });
  });

  it("dead-letters after the last try", async () => {
    receiver = await startWebhookReceiver();
    receiver.respondWith(() => ({ status: 503, text: "down" }));
    const { endpoint } = await newEndpoint();
    runner = startWebhookRunner({ maxAttempts: 3 });
    const queued = await (await callerFor(owner)).webhook.sendTest({ webhookId: endpoint.id });
    const done = await untilDelivery(queued.id, (d) => d.status !== "pending");
    expect(done).toMatchObject({ status: "dead", attempts: 3, responseStatus: 503 });
    expect(receiver.requests).toHaveLength(3);
  });

  it("times out a receiver that does not answer, and retries it", async () => {
    receiver = await startWebhookReceiver();
    receiver.respondWith((_r, i) => (i === 0 ? "hold" : { status: 200 }));
    const { endpoint } = await newEndpoint();
    runner = startWebhookRunner({ timeoutMs: 300 });
    const queued = await (await callerFor(owner)).webhook.sendTest({ webhookId: endpoint.id });
    const first = await untilDelivery(queued.id, (d) => d.attempts >= 1 && d.error !== null);
    expect(first.error).toContain("No answer within 300 ms");
    expect(await untilDelivery(queued.id, (d) => d.status !== "pending")).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("replays a delivery with the same event id and body; the log lists both", async () => {
    receiver = await startWebhookReceiver();
    const { endpoint } = await newEndpoint();
    runner = startWebhookRunner();
    const caller = await callerFor(owner);
    const queued = await caller.webhook.sendTest({ webhookId: endpoint.id });
    await untilDelivery(queued.id, (d) => d.status === "succeeded");
    const replay = await caller.webhook.replay({ webhookId: endpoint.id, deliveryId: queued.id });
    expect(replay).toMatchObject({ eventId: queued.eventId, replayOfId: queued.id, status: "pending" });
    await untilDelivery(replay.id, (d) => d.status === "succeeded");
    expect(receiver.requests.map((r) => r.body)).toEqual([receiver.requests[0]!.body, receiver.requests[0]!.body]);
    const log = await caller.webhook.deliveries({ webhookId: endpoint.id });
    expect(log.items.map((d) => d.id)).toEqual([replay.id, queued.id]);
    expect(log.items[0]!.requestExcerpt).toContain(queued.eventId);
    const other = await callerFor(await createUser());
    await expect(other.webhook.replay({ webhookId: endpoint.id, deliveryId: queued.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses private destinations without WEBHOOK_ALLOW_PRIVATE, when saved and when sent", async () => {
    receiver = await startWebhookReceiver();
    const { endpoint } = await newEndpoint();
    const saved = process.env.WEBHOOK_ALLOW_PRIVATE;
    process.env.WEBHOOK_ALLOW_PRIVATE = "false";
    resetEnvCache();
    try {
      const caller = await callerFor(owner);
      for (const url of [receiver.url, "http://localhost:9/hook", "http://[::1]:9/", "http://169.254.169.254/latest", "http://10.0.0.1/", "http://[::ffff:127.0.0.1]/"]) {
        await expect(caller.webhook.create({ url, events: ["device.status"] }), url).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }
      await expect(caller.webhook.update({ webhookId: endpoint.id, url: "http://192.168.1.10/x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      // Saved while allowed; sent while not: refused at connection time, for good, and nothing reaches the receiver.
      runner = startWebhookRunner({ allowPrivate: false });
      const queued = await caller.webhook.sendTest({ webhookId: endpoint.id });
      const done = await untilDelivery(queued.id, (d) => d.status !== "pending");
      expect(done.status).toBe("failed");
      expect(done.error).toContain("private or local address");
      expect(receiver.requests).toHaveLength(0);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = saved;
      resetEnvCache();
    }
  });

  it("stores the secret encrypted, and rotating it changes what signs", async () => {
    receiver = await startWebhookReceiver();
    const { endpoint, secret } = await newEndpoint();
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(Buffer.from(row.secretEncrypted, "base64").includes(Buffer.from(secret))).toBe(false);
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
    const caller = await callerFor(owner);
    const rotated = await caller.webhook.rotateSecret({ webhookId: endpoint.id });
    expect(rotated.secret).not.toBe(secret);
    runner = startWebhookRunner();
    const queued = await caller.webhook.sendTest({ webhookId: endpoint.id });
    const [request] = await receiver.received(1);
    const header = request!.headers["x-switchboard-signature"] as string;
    expect(verifyWebhookSignature(rotated.secret, request!.body, header)).toBe(true);
    expect(verifyWebhookSignature(secret, request!.body, header)).toBe(false);
    await untilDelivery(queued.id, (d) => d.status === "succeeded");
  });
});
