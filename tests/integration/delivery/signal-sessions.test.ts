import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StanzaLogEntry, StartedSandbox } from "../../../src/sandbox";
import { eventBus } from "../../../src/server/events/bus";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForStatus } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let me: Caller;
let phone: string;
let deviceId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ receipts: { mode: "none" } });
  await resetDb();
  manager = startTestManager(sandbox);
  const admin = await createUser("admin");
  const owner = await createUser("user");
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Sesi" });
  deviceId = created.deviceId;
  phone = uniquePhone();
  await pairByQr(sandbox, me, deviceId, phone);
});
afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});

/** Prekey-bundle fetches (`<iq xmlns=encrypt type=get><key>…`): each one opens a new Signal session with a contact. */
function countBundleFetches(): { count: () => number; stop: () => void } {
  let count = 0;
  const listener = (entry: StanzaLogEntry) => {
    if (entry.dir === "in" && entry.tag === "iq" && entry.attrs.xmlns === "encrypt" && entry.attrs.type === "get" && entry.summary.endsWith(">key")) count += 1;
  };
  sandbox.events.on("stanza", listener);
  return { count: () => count, stop: () => sandbox.events.off("stanza", listener) };
}

describe("[DELIVERY][SIGNAL]", () => {
  it("a reconnect reuses the stored Signal session with a known contact (no new bundle, no new session)", async () => {
    const contact = uniquePhone();
    sandbox.createAccount({ phone: contact });
    const first = countBundleFetches();
    await me.message.sendText({ deviceId, to: contact, text: "pertama" });
    await sandbox.waitForInbox(contact, (m) => m.text === "pertama");
    first.stop();
    // The first message to a contact opens the session: that is the one fetch this test expects.
    expect(first.count()).toBeGreaterThan(0);

    for (let drop = 1; drop <= 3; drop += 1) {
      const since = eventBus().lastId;
      sandbox.dropConnection(phone);
      await waitForStatus(deviceId, "connected", since);
      const after = countBundleFetches();
      await me.message.sendText({ deviceId, to: contact, text: `setelah putus ${drop}` });
      await sandbox.waitForInbox(contact, (m) => m.text === `setelah putus ${drop}`);
      after.stop();
      expect(after.count()).toBe(0);
    }
    expect(sandbox.inbox(contact).map((m) => m.text)).toEqual(["pertama", "setelah putus 1", "setelah putus 2", "setelah putus 3"]);
  });

  it("a process restart reuses it too: a fresh manager on the stored auth state opens no new session", async () => {
    const contact = uniquePhone();
    sandbox.createAccount({ phone: contact });
    const first = countBundleFetches();
    await me.message.sendText({ deviceId, to: contact, text: "sebelum restart" });
    await sandbox.waitForInbox(contact, (m) => m.text === "sebelum restart");
    first.stop();
    expect(first.count()).toBeGreaterThan(0);

    for (let restart = 1; restart <= 2; restart += 1) {
      // What a process restart leaves: nothing in memory, only the device's stored (encrypted) auth state.
      await stopTestManager(manager);
      const since = eventBus().lastId;
      manager = startTestManager(sandbox);
      const restored = await manager.restoreAll();
      expect(restored.notConnected).toEqual([]);
      await waitForStatus(deviceId, "connected", since);
      const after = countBundleFetches();
      await me.message.sendText({ deviceId, to: contact, text: `setelah restart ${restart}` });
      await sandbox.waitForInbox(contact, (m) => m.text === `setelah restart ${restart}`);
      after.stop();
      expect(after.count()).toBe(0);
    }
    expect(sandbox.inbox(contact).map((m) => m.text)).toEqual(["sebelum restart", "setelah restart 1", "setelah restart 2"]);
  });
});
