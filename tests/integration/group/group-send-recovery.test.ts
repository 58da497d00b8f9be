import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { loadAuthState } from "../../../src/server/whatsapp/auth-state";
import { GROUP_SEND_CATEGORY } from "../../../src/server/whatsapp/group-send-guard";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
/** Group procedures are for administrators. */
let admin: Caller;
let device: { id: number; deviceId: string };
const members = [uniquePhone(), uniquePhone()];

/** Stored auth rows of the device (encrypted, restorable as they are: the cipher binds to the row's key). */
function authRows(categories: string[]) {
  return db().waAuthEntry.findMany({ where: { deviceId: device.id, category: { in: categories } } });
}

async function restoreRows(rows: Awaited<ReturnType<typeof authRows>>): Promise<void> {
  for (const row of rows) await db().waAuthEntry.update({ where: { id: row.id }, data: { data: row.data } });
}

/** Stops the device's process, lets `leaveBehind` shape its stored state as a kill would have, and restores it. */
async function restartAfter(leaveBehind: () => Promise<void>): Promise<void> {
  await stopTestManager(manager);
  await leaveBehind();
  manager = startTestManager(sandbox);
  expect(await manager.restoreAll()).toMatchObject({ connected: 1 });
}

async function sendAndRead(groupJid: string, text: string): Promise<void> {
  const sent = await admin.group.sendMessage({ deviceId: device.deviceId, groupJid, text });
  for (const phone of members) {
    const copy = await sandbox.waitForGroupMessage(phone, (m) => m.id === sent.waMessageId, 15_000);
    expect(copy, `${phone} reads "${text}"`).toMatchObject({ decrypted: true, text });
  }
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  admin = await callerFor(await createUser("admin"));
  const owner = await createUser("user", { dailyMessageLimit: 1000 });
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Grup" });
  device = { id: created.id, deviceId: created.deviceId };
  for (const phone of members) sandbox.createAccount({ phone, name: `Anggota ${phone.slice(-4)}` });
  manager = startTestManager(sandbox);
  await pairByQr(sandbox, await callerFor(owner), device.deviceId, uniquePhone());
}, 120_000);
afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
});

describe("[GROUP] a group send whose key commit was lost", () => {
  let groupJid = "";

  it("renews the sender key before the next send, so every member reads it", async () => {
    groupJid = (await admin.group.create({ deviceId: device.deviceId, subject: "Arisan", participants: members.map((p) => `+${p}`) })).groupJid;
    await sendAndRead(groupJid, "pertama");
    const beforeSecond = await authRows(["sender-key", "sender-key-memory"]);
    await sendAndRead(groupJid, "kedua");

    // What a process killed between the frame and Baileys' key commit leaves behind: the chain of before "kedua",
    // and its mark for the group (written before the frame, never removed).
    await restartAfter(async () => {
      await restoreRows(beforeSecond);
      await (await loadAuthState(device.id)).entries(GROUP_SEND_CATEGORY).set(groupJid, { distributedTo: [] });
    });
    // Baileys alone would reuse the chain position "kedua" took ("old counter" at every member).
    await sendAndRead(groupJid, "ketiga");
    await sendAndRead(groupJid, "keempat");
    expect(await (await loadAuthState(device.id)).entries(GROUP_SEND_CATEGORY).all(), "no mark once the renewal committed").toEqual(new Map());
  });

  it("after a renewal that died too, hands the next key over fresh sessions", async () => {
    const auth = await loadAuthState(device.id);
    const { [groupJid]: memory } = await auth.state.keys.get("sender-key-memory", [groupJid]);
    const holders = Object.keys(memory ?? {});
    expect(holders.length).toBeGreaterThan(0);
    const sessionsBefore = await authRows(["session"]);
    // A renewal: the next send hands a new key to every holder over its pairwise session.
    await restartAfter(() => auth.entries(GROUP_SEND_CATEGORY).set(groupJid, { distributedTo: [] }));
    await sendAndRead(groupJid, "kelima");

    // Killed before that renewal committed: our key already forgotten, the sessions as before it, the renewal's mark.
    await restartAfter(async () => {
      await restoreRows(sessionsBefore);
      await db().waAuthEntry.deleteMany({ where: { deviceId: device.id, category: { in: ["sender-key", "sender-key-memory"] } } });
      await auth.entries(GROUP_SEND_CATEGORY).set(groupJid, { distributedTo: holders });
    });
    // Over the stored sessions, the new key would travel at counters the members already used.
    await sendAndRead(groupJid, "keenam");
    await sendAndRead(groupJid, "ketujuh");
  });
});
