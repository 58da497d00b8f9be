import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "../../../src/app/metrics/route";
import { resetEnvCache } from "../../../src/env";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { startJobRunner, stopJobRunner } from "../../../src/server/services/work/start";
import { startMetrics } from "../../../src/server/metrics/start";
import { updateOutgoingStatus } from "../../../src/server/services/messages/update-outgoing-status";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { sampleValue } from "../../helpers/metrics-text";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

const TOKEN = "metrics-test-token-0123456789";
let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;

function configure(vars: { METRICS_TOKEN?: string; METRICS_ALLOW_IPS?: string }): void {
  for (const key of ["METRICS_TOKEN", "METRICS_ALLOW_IPS"] as const) {
    if (vars[key] === undefined) delete process.env[key];
    else process.env[key] = vars[key];
  }
  resetEnvCache();
}

function get(headers: Record<string, string> = {}): Promise<Response> {
  return metricsRoute(new Request("http://127.0.0.1/metrics", { headers: { "x-forwarded-for": "127.0.0.1", ...headers } }));
}

/** One event-loop turn: the metrics listener has consumed every event published before this. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

async function scrape(): Promise<(name: string, labels?: Record<string, string>) => number> {
  await settled();
  const res = await get({ authorization: `Bearer ${TOKEN}` });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  return (name, labels) => {
    const value = sampleValue(text, name, labels);
    if (value === undefined) throw new Error(`${name} ${JSON.stringify(labels ?? {})} is not in the scrape`);
    return value;
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  configure({ METRICS_TOKEN: TOKEN });
  startMetrics();
});
afterAll(async () => {
  await stopTestManager(manager);
  await stopJobRunner();
  configure({});
  await sandbox?.close();
});

describe("[OPS][METRICS] /metrics", () => {
  it("is off unless configured, refuses a missing or wrong token, and admits an allow-listed address", async () => {
    configure({});
    expect((await get()).status).toBe(404);

    configure({ METRICS_TOKEN: TOKEN });
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain("switchboard_");
    expect((await get({ authorization: "Bearer not-the-token-at-all" })).status).toBe(401);
    expect((await get({ authorization: TOKEN })).status).toBe(401);
    expect((await get({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);

    configure({ METRICS_ALLOW_IPS: "10.0.0.0/8, 192.168.1.7" });
    expect((await get({ "x-forwarded-for": "10.20.30.40" })).status).toBe(200);
    expect((await get({ "x-forwarded-for": "::ffff:192.168.1.7" })).status).toBe(200);
    expect((await get({ "x-forwarded-for": "192.168.1.8" })).status).toBe(403);

    // Both set: the allow-list admits without a token; anyone else needs it.
    configure({ METRICS_TOKEN: TOKEN, METRICS_ALLOW_IPS: "10.0.0.0/8" });
    expect((await get({ "x-forwarded-for": "10.1.1.1" })).status).toBe(200);
    expect((await get({ "x-forwarded-for": "172.16.0.1" })).status).toBe(401);
    expect((await get({ "x-forwarded-for": "172.16.0.1", authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    configure({ METRICS_TOKEN: TOKEN });
  });

  it("each metric moves when its event happens", { timeout: 120_000 }, async () => {
    const admin = await callerFor(await createUser("admin"));
    const ownerUser = await createUser("user", { dailyMessageLimit: 100 });
    const owner = await callerFor(ownerUser);
    let m = await scrape();
    const before = {
      sent: m("switchboard_messages_sent_total"),
      received: m("switchboard_messages_received_total", { type: "text" }),
      failedOffline: m("switchboard_messages_failed_total", { reason: "device_offline" }),
      webhookOk: m("switchboard_webhook_deliveries_total"),
      webhookFailed: m("switchboard_webhook_failures_total"),
    };
    // Nothing delivered yet in this process: the series are there, at zero.
    expect(before.webhookOk).toBe(0);
    expect(before.webhookFailed).toBe(0);
    expect(m("process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(m("nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(m("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
    expect(m("switchboard_devices", { status: "connected" })).toBe(0);

    // Devices by status.
    const created = await admin.device.create({ ownerId: ownerUser.id, deviceName: "Toko Metrik" });
    m = await scrape();
    expect(m("switchboard_devices", { status: "disconnected" })).toBe(1);
    manager = startTestManager(sandbox);
    const phone = uniquePhone();
    await pairByQr(sandbox, owner, created.deviceId, phone);
    m = await scrape();
    expect(m("switchboard_devices", { status: "connected" })).toBe(1);
    expect(m("switchboard_devices", { status: "disconnected" })).toBe(0);

    // Sent, send latency, receipt latency (the sandbox phone sends delivered, then read).
    const contact = uniquePhone();
    sandbox.createAccount({ phone: contact, name: "Pelanggan" });
    const since = eventBus().lastId;
    const sent = await owner.message.sendText({ deviceId: created.deviceId, to: `+${contact}`, text: "Halo dari metrik" });
    await waitForEvent("message.status", (d) => d.messageId === sent.id && d.status === "delivered", { since });
    m = await scrape();
    expect(m("switchboard_messages_sent_total")).toBe(before.sent + 1);
    expect(m("switchboard_message_send_latency_seconds_count")).toBe(1);
    expect(m("switchboard_message_send_latency_seconds_sum")).toBeGreaterThan(0);
    expect(m("switchboard_message_receipt_latency_seconds_count", { status: "delivered" })).toBe(1);

    // Received, by type.
    const receivedSince = eventBus().lastId;
    await sandbox.sendText(contact, phone, "Halo juga");
    await waitForEvent("message.received", (d) => d.deviceId === created.deviceId, { since: receivedSince });
    m = await scrape();
    expect(m("switchboard_messages_received_total", { type: "text" })).toBe(before.received + 1);

    // Failed, by reason: the status path records a send the device could not make.
    const device = await db().device.findUniqueOrThrow({ where: { deviceId: created.deviceId } });
    const pending = await db().message.create({
      data: { deviceId: device.id, ownerId: ownerUser.id, waMessageId: "METRICS-FAIL-1", chatJid: `${contact}@s.whatsapp.net`, fromJid: "", toJid: `${contact}@s.whatsapp.net`, type: "text", content: "x", direction: "outgoing", status: "pending", timestamp: new Date() },
    });
    await updateOutgoingStatus({
      device: { id: device.id, deviceId: device.deviceId, ownerId: ownerUser.id },
      waMessageId: pending.waMessageId!,
      messageId: pending.id,
      status: "failed",
      error: "The device went offline before the message was sent",
    });
    m = await scrape();
    expect(m("switchboard_messages_failed_total", { reason: "device_offline" })).toBe(before.failedOffline + 1);

    // Event subscribers: a browser stream counts while it is open.
    const abort = new AbortController();
    const iterator = (await (await callerFor(ownerUser, { signal: abort.signal })).events.stream({}))[Symbol.asyncIterator]();
    const first = iterator.next();
    eventBus().publish("admin.notice", { level: "info", message: "hello" }, { ownerId: ownerUser.id });
    await first;
    m = await scrape();
    expect(m("switchboard_event_subscribers")).toBe(1);
    abort.abort();
    await iterator.next();
    // The caller's iterator can finish before the procedure's own `finally` has run: wait for that state.
    for (m = await scrape(); m("switchboard_event_subscribers") !== 0; m = await scrape()) await new Promise((r) => setImmediate(r));
    expect(m("switchboard_event_subscribers")).toBe(0);

    // Runner queue depth and lag per source: a scheduled message due a minute ago that no device can take.
    startJobRunner({ readyDevices: () => [] });
    m = await scrape();
    expect(m("switchboard_runner_queue_depth", { source: "scheduled-message" })).toBe(0);
    expect(m("switchboard_runner_lag_seconds", { source: "scheduled-message" })).toBe(0);
    await db().scheduledMessage.create({
      data: { ownerId: ownerUser.id, deviceId: device.id, target: `+${contact}`, content: "late", scheduleTime: new Date(Date.now() - 60_000), timezone: "Asia/Jakarta" },
    });
    m = await scrape();
    expect(m("switchboard_runner_queue_depth", { source: "scheduled-message" })).toBe(1);
    expect(m("switchboard_runner_lag_seconds", { source: "scheduled-message" })).toBeGreaterThanOrEqual(60);
    await stopJobRunner();

    // Webhook deliveries and failures, as the webhook sender signals them. Counted from here: the runner that just
    // ran may have tried deliveries that other test files left in the shared database.
    m = await scrape();
    const webhooks = { ok: m("switchboard_webhook_deliveries_total"), failed: m("switchboard_webhook_failures_total") };
    eventBus().signal("webhook.delivery", { ok: true });
    eventBus().signal("webhook.delivery", { ok: false });
    eventBus().signal("webhook.delivery", { ok: false });
    m = await scrape();
    expect(m("switchboard_webhook_deliveries_total")).toBe(webhooks.ok + 1);
    expect(m("switchboard_webhook_failures_total")).toBe(webhooks.failed + 2);
  });
});
