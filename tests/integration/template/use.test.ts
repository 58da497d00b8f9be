import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let owner: TestUser;
let me: Caller;
let phone: string;
let deviceId: string;
let templateId: number;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  const admin = await createUser("admin");
  owner = await createUser();
  me = await callerFor(owner);
  deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" })).deviceId;
  phone = uniquePhone();
  await pairByQr(sandbox, me, deviceId, phone);
  templateId = (await me.template.create({ name: "Order ready", body: "Halo {{name}}, pesanan {{ order.id }} siap diambil." })).id;
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

describe("[TEMPLATE][USE] render and send from a connected device", () => {
  it("sends the rendered text through sendText and records the use", async () => {
    const contact = uniquePhone();
    const sent = await me.template.use({ deviceId, templateId, to: `+${contact}`, variables: { name: "Budi", "order.id": 1042, extra: "ignored" } });
    expect(sent).toMatchObject({
      status: "sent",
      direction: "outgoing",
      content: "Halo Budi, pesanan 1042 siap diambil.",
      toJid: `${contact}@s.whatsapp.net`,
      device: { deviceId },
    });
    const inbox = await sandbox.waitForInbox(contact, (m) => m.id === sent.waMessageId);
    expect(inbox).toMatchObject({ text: "Halo Budi, pesanan 1042 siap diambil.", from: phone });
    const activity = await db().activityLog.findFirstOrThrow({ where: { userId: owner.id, action: "template.use" } });
    expect(activity.details).toMatchObject({ templateId, deviceId, messageId: sent.id, version: 1 });
  });

  it("missing variables are BAD_REQUEST listing them, and nothing is sent or written", async () => {
    const contact = uniquePhone();
    const before = await rowCounts();
    const error = await me.template.use({ deviceId, templateId, to: `+${contact}`, variables: { name: "Budi" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Fill in a value for {{order.id}}" });
    expect(await rowCounts()).toEqual(before);
    expect(sandbox.inbox(contact)).toEqual([]);
  });

  it("a template with a malformed placeholder is refused with the reason, and nothing is sent or written", async () => {
    const broken = await me.template.create({ name: "Pay", body: "Halo {{name}}, bayar dengan {{ pay method }} atau {{bad-var}}." });
    const contact = uniquePhone();
    const before = await rowCounts();
    const error = await me.template
      .use({ deviceId, templateId: broken.id, to: `+${contact}`, variables: { name: "Budi", "pay_method": "tunai" } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: "The template has text in double braces that is not a variable: {{ pay method }}, {{bad-var}}. Write variables as {{name}}; names use letters, digits, '_' and '.'",
    });
    expect(await rowCounts()).toEqual(before);
    expect(sandbox.inbox(contact)).toEqual([]);
    const preview = await me.template.preview({ templateId: broken.id, variables: { name: "Budi" } }).catch((e: unknown) => e);
    expect(preview).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("{{ pay method }}") });
  });

  it("a disconnected device is DEVICE_NOT_CONNECTED and nothing is written", async () => {
    await me.device.disconnect({ deviceId });
    const before = await rowCounts();
    const error = await me.template.use({ deviceId, templateId, to: "+6281299990000", variables: { name: "Budi", "order.id": 1 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", cause: { code: "DEVICE_NOT_CONNECTED" } });
    expect(await rowCounts()).toEqual(before);
  });
});
