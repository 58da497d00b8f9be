import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
});
afterEach(async () => {
  await stopTestManager(manager);
});

describe("[DEVICE][ASSIGN] a connected device", () => {
  it("stores what arrives afterwards for the new owner and sends them its events", async () => {
    const admin = await createUser("admin");
    const before = await createUser();
    const after = await createUser();
    const asAdmin = await callerFor(admin);
    const device = await asAdmin.device.create({ ownerId: before.id });
    const phone = uniquePhone();
    await pairByQr(sandbox, await callerFor(before), device.deviceId, phone);
    await asAdmin.device.assign({ deviceId: device.deviceId, ownerId: after.id });

    const contact = uniquePhone();
    sandbox.createAccount({ phone: contact, name: "Rina" });
    const since = eventBus().lastId;
    await sandbox.sendText(contact, phone, "halo pemilik baru");
    const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId, { since });
    expect(received.scope.ownerId).toBe(after.id);
    const row = await db().message.findFirstOrThrow({ where: { content: "halo pemilik baru" } });
    expect(row.ownerId).toBe(after.id);

    const sent = await (await callerFor(after)).message.sendText({ deviceId: device.deviceId, to: `+${contact}`, text: "terima kasih" });
    const delivered = await waitForEvent("message.status", (d) => d.messageId === sent.id && d.status === "delivered", { since });
    expect(delivered.scope.ownerId).toBe(after.id);
  });
});
