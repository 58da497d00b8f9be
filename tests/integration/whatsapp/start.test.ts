import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { findConnectionManager } from "../../../src/server/whatsapp/registry";
import { startWhatsApp, stopWhatsApp } from "../../../src/server/whatsapp/start";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, statusTrail, stopTestManager, uniquePhone } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
const savedUrl = process.env.WA_SANDBOX_URL;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
});
afterEach(async () => {
  await stopWhatsApp();
  if (savedUrl === undefined) delete process.env.WA_SANDBOX_URL;
  else process.env.WA_SANDBOX_URL = savedUrl;
  resetEnvCache();
});

describe("[WA][START] startWhatsApp / stopWhatsApp in sandbox mode", () => {
  it("finds the sandbox through its control API, restores paired devices, and stops without logging out", async () => {
    const owner = await createUser();
    const admin = await callerFor(await createUser("admin"));
    const device = await admin.device.create({ ownerId: owner.id });
    const idle = await admin.device.create({ ownerId: owner.id });
    const phone = uniquePhone();
    const setup = startTestManager(sandbox);
    await pairByQr(sandbox, await callerFor(owner), device.deviceId, phone);
    await stopTestManager(setup);

    process.env.WA_SANDBOX_URL = `http://127.0.0.1:${sandbox.port}`;
    resetEnvCache();
    const since = eventBus().lastId;
    const manager = await startWhatsApp({ waitForRestore: true });
    expect(findConnectionManager()).toBe(manager);
    expect(await startWhatsApp()).toBe(manager);
    expect(manager.ownedDeviceIds()).toEqual([device.deviceId]);
    expect(statusTrail(since, device.deviceId)).toEqual(["connecting", "connected"]);
    expect(statusTrail(since, idle.deviceId)).toEqual([]);

    await stopWhatsApp();
    expect(findConnectionManager()).toBeNull();
    expect(await db().device.findUniqueOrThrow({ where: { id: device.id } })).toMatchObject({
      status: "disconnected",
      autoConnect: true,
      lastError: "Server stopped",
    });
    expect(sandbox.linkedDevices(phone)).toHaveLength(1);
  });

  it("fails with a clear message when the sandbox does not answer", async () => {
    process.env.WA_SANDBOX_URL = "http://127.0.0.1:9";
    resetEnvCache();
    await expect(startWhatsApp({ sandboxTimeoutMs: 300 })).rejects.toThrow(/sandbox at http:\/\/127\.0\.0\.1:9 did not answer within 300 ms/);
    expect(findConnectionManager()).toBeNull();
  });
});
