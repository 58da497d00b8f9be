import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { JobProgress } from "../../../src/server/events/types";
import { startWebhookConsumer, type WebhookConsumer } from "../../../src/server/services/webhooks/webhook-consumer";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

let admin: TestUser;
let owner: TestUser;
let other: TestUser;
let consumer: WebhookConsumer;
let deviceA: string;
let deviceB: string;

const received = (deviceId: string, text: string) =>
  ({
    deviceId,
    messageId: 1,
    chatJid: "6281234567890@s.whatsapp.net",
    fromJid: "6281234567890@s.whatsapp.net",
    type: "text",
    content: text,
    timestamp: new Date().toISOString(),
    pushName: "Budi",
    mediaId: null,
  }) as const;

const progress = (jobId: number, deviceId: string, completed: number): JobProgress => ({
  jobId,
  deviceId,
  status: "processing",
  pauseReason: null,
  error: null,
  total: 100,
  completed,
  failed: 0,
  skipped: 0,
  cancelled: 0,
});

async function payloads(endpointId: number): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const rows = await db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" }, select: { payload: true } });
  return rows.map((r) => JSON.parse(r.payload) as { type: string; data: Record<string, unknown> });
}

beforeAll(async () => {
  await resetDb();
  [admin, owner, other] = await Promise.all([createUser("admin"), createUser(), createUser()]);
  const asAdmin = await callerFor(admin);
  deviceA = (await asAdmin.device.create({ ownerId: owner.id, deviceName: "Toko A" })).deviceId;
  deviceB = (await asAdmin.device.create({ ownerId: owner.id, deviceName: "Toko B" })).deviceId;
  consumer = startWebhookConsumer(pino({ level: "silent" }), { progressIntervalMs: 200 });
});
afterAll(async () => {
  await consumer.stop();
});

describe("[WEBHOOK] bus events become deliveries for the owner's matching endpoints", () => {
  it("matches event type, device filter, owner and enabled state", async () => {
    const asOwner = await callerFor(owner);
    const all = (await asOwner.webhook.create({ url: "http://127.0.0.1:9/all", events: ["message.received", "device.status"] })).endpoint;
    const onlyB = (await asOwner.webhook.create({ url: "http://127.0.0.1:9/b", events: ["message.received"], deviceIds: [deviceB] })).endpoint;
    const statusOnly = (await asOwner.webhook.create({ url: "http://127.0.0.1:9/s", events: ["message.status"] })).endpoint;
    const disabled = (await asOwner.webhook.create({ url: "http://127.0.0.1:9/off", events: ["message.received"], enabled: false })).endpoint;
    const othersHook = (await (await callerFor(other)).webhook.create({ url: "http://127.0.0.1:9/o", events: ["message.received"] })).endpoint;
    // Limiting an endpoint to another user's device is NOT_FOUND, like a device that does not exist.
    await expect((await callerFor(other)).webhook.create({ url: "http://127.0.0.1:9/x", events: ["message.received"], deviceIds: [deviceA] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const bus = eventBus();
    bus.publish("message.received", received(deviceA, "halo A"), { ownerId: owner.id });
    bus.publish("message.received", received(deviceB, "halo B"), { ownerId: owner.id });
    bus.publish("device.status", { deviceId: deviceA, status: "connected", phoneNumber: "628123", reason: null }, { ownerId: owner.id });
    bus.publish("admin.notice", { level: "info", message: "not for webhooks" }, { ownerId: null });
    await consumer.settled();

    expect((await payloads(all.id)).map((p) => [p.type, p.data.deviceId])).toEqual([
      ["message.received", deviceA],
      ["message.received", deviceB],
      ["device.status", deviceA],
    ]);
    expect((await payloads(onlyB.id)).map((p) => p.data.content)).toEqual(["halo B"]);
    expect(await payloads(statusOnly.id)).toEqual([]);
    expect(await payloads(disabled.id)).toEqual([]);
    expect(await payloads(othersHook.id)).toEqual([]);
    // Every endpoint of one event carries the same event id and body.
    const first = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: all.id }, orderBy: { id: "asc" } });
    const body = JSON.parse(first.payload) as { id: string; type: string; createdAt: string };
    expect(body.id).toBe(first.eventId);
    expect(Object.keys(body)).toEqual(["id", "type", "createdAt", "data"]);
  });

  it("coalesces job.progress per job (the first at once, then the latest) and always sends job.finished", async () => {
    const asOwner = await callerFor(owner);
    const hook = (await asOwner.webhook.create({ url: "http://127.0.0.1:9/jobs", events: ["job.progress", "job.finished"] })).endpoint;
    const bus = eventBus();
    for (let i = 1; i <= 50; i++) bus.publish("job.progress", progress(7, deviceA, i), { ownerId: owner.id });
    await consumer.settled();
    expect((await payloads(hook.id)).map((p) => p.data.completed)).toEqual([1]);
    // The trailing one carries the latest counters once the interval has passed (a state, polled).
    for (let tries = 0; (await payloads(hook.id)).length < 2 && tries < 500; tries++) await new Promise((r) => setTimeout(r, 20));
    await consumer.settled();
    expect((await payloads(hook.id)).map((p) => p.data.completed)).toEqual([1, 50]);

    bus.publish("job.progress", progress(7, deviceA, 99), { ownerId: owner.id });
    bus.publish("job.finished", { ...progress(7, deviceA, 100), status: "completed" }, { ownerId: owner.id });
    await consumer.settled();
    const types = (await payloads(hook.id)).map((p) => `${p.type}:${String(p.data.completed)}`);
    // The progress at 99 may have gone at once (interval passed) or been dropped by the finish; the finish always goes last.
    expect(types.at(-1)).toBe("job.finished:100");
    expect(types.length).toBeLessThanOrEqual(4);
  });
});
