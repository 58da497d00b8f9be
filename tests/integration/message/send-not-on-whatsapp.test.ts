import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { NOT_ON_WHATSAPP_REASON } from "../../../src/lib/send-failures";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { eventsSince, pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, type EventOf } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let me: Caller;
let deviceId: string;

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
  const owner = await createUser("user");
  me = await callerFor(owner);
  deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" })).deviceId;
  await pairByQr(sandbox, me, deviceId, uniquePhone());
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

describe("[MESSAGE][SEND] a number that is not on WhatsApp", () => {
  it("ends failed with that reason, one failed event, and nothing reaches WhatsApp; the number works once it joins", async () => {
    const absent = uniquePhone();
    sandbox.markNotOnWhatsApp(absent);
    const since = eventBus().lastId;

    await expect(me.message.sendText({ deviceId, to: `+${absent}`, text: "Halo?" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: NOT_ON_WHATSAPP_REASON,
    });

    const rows = await db().message.findMany({ where: { toJid: `${absent}@s.whatsapp.net` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ direction: "outgoing", status: "failed", error: NOT_ON_WHATSAPP_REASON, content: "Halo?" });
    const statuses = eventsSince(since, deviceId)
      .filter((e): e is EventOf<"message.status"> => e.name === "message.status" && e.data.messageId === rows[0]?.id)
      .map((e) => [e.data.status, e.data.error]);
    expect(statuses).toEqual([
      ["pending", null],
      ["failed", NOT_ON_WHATSAPP_REASON],
    ]);
    expect(sandbox.account(absent)).toBeUndefined();

    sandbox.clearNotOnWhatsApp(absent);
    const sent = await me.message.sendText({ deviceId, to: `+${absent}`, text: "Halo lagi" });
    expect(sent.status).toBe("sent");
    expect((await sandbox.waitForInbox(absent, (m) => m.id === sent.waMessageId)).text).toBe("Halo lagi");
  });
});
