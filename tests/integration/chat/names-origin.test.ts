import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let owner: TestUser;
let admin: TestUser;
let me: Caller;
let adminCaller: Caller;
let phone: string;
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
  admin = await createUser("admin", { fullName: "Admin Ana" });
  owner = await createUser();
  me = await callerFor(owner);
  adminCaller = await callerFor(admin);
  deviceId = (await adminCaller.device.create({ ownerId: owner.id, deviceName: "Toko Budi" })).deviceId;
  phone = uniquePhone();
  await pairByQr(sandbox, me, deviceId, phone);
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

async function receiveFrom(contact: string, text: string): Promise<number> {
  const since = eventBus().lastId;
  await sandbox.sendText(contact, phone, text);
  const received = await waitForEvent("message.received", (d) => d.deviceId === deviceId && d.content === text, { since });
  return received.data.messageId;
}

describe("[CHAT][NAMES] one display name per person", () => {
  it("uses the saved contact over the push name, the push name over nothing, everywhere", async () => {
    const budi = uniquePhone();
    sandbox.createAccount({ phone: budi, name: "Budi customer" });
    await receiveFrom(budi, "Halo, pesanan saya?");
    const jid = `${budi}@s.whatsapp.net`;

    // Not saved yet: the push name, and "save" is offered.
    expect(await me.chat.identity({ deviceId, chatJid: jid })).toEqual({ name: "Budi customer", saved: false });
    const [listed] = (await me.chat.list({ deviceId })).items;
    expect(listed).toMatchObject({ chatJid: jid, name: "Budi customer", saved: false });

    // Saved by the device's owner: the saved name wins in the header, the list, history search and the dashboard.
    await me.contact.create({ name: "Budi Santoso", phone: `+${budi}` });
    expect(await me.chat.identity({ deviceId, chatJid: jid })).toEqual({ name: "Budi Santoso", saved: true });
    expect((await me.chat.list({ deviceId })).items[0]).toMatchObject({ name: "Budi Santoso", saved: true });
    const found = await me.chat.search({ deviceId, timezone: "Asia/Jakarta", limit: 10 });
    expect(found.items[0]).toMatchObject({ chatName: "Budi Santoso", chatNameSaved: true });
    expect((await me.message.recent({ limit: 5 })).items[0]).toMatchObject({ chatName: "Budi Santoso", chatNameSaved: true });
    // Names come from the device owner's contacts: an admin's own address book does not rename the user's chats.
    await adminCaller.contact.create({ name: "Someone else", phone: `+${budi}` });
    expect((await adminCaller.chat.list({ deviceId })).items[0]).toMatchObject({ name: "Budi Santoso" });

    // A number nobody named: no name, so the UI shows the formatted number.
    const stranger = `${uniquePhone()}@s.whatsapp.net`;
    expect(await me.chat.identity({ deviceId, chatJid: stranger })).toEqual({ name: null, saved: false });
  });
});

describe("[CHAT][ORIGIN] who sent it", () => {
  it("records the sender and origin of each outgoing message and shows only another person's name", async () => {
    const contact = uniquePhone();
    const own = await me.message.sendText({ deviceId, to: `+${contact}`, text: "Dari pemilik" });
    const byAdmin = await adminCaller.message.sendText({ deviceId, to: `+${contact}`, text: "Dari admin" });
    const template = await me.template.create({ name: "Hi", body: "Halo {{name}}" });
    const viaTemplate = await adminCaller.template.use({ deviceId, templateId: template.id, to: `+${contact}`, variables: { name: "Budi" } });

    const rows = await db().message.findMany({ where: { id: { in: [own.id, byAdmin.id, viaTemplate.id] } }, orderBy: { id: "asc" }, select: { origin: true, sentById: true } });
    expect(rows).toEqual([
      { origin: "manual", sentById: owner.id },
      { origin: "manual", sentById: admin.id },
      { origin: "template", sentById: admin.id },
    ]);

    // The owner's own message names nobody; the admin's messages say who sent them, without user ids.
    expect(own).toMatchObject({ origin: "manual", sentBy: null });
    expect(byAdmin).toMatchObject({ origin: "manual", sentBy: { name: "Admin Ana" } });
    const history = await me.chat.history({ deviceId, chatJid: `${contact}@s.whatsapp.net` });
    expect(history.items.map((m) => [m.content, m.origin, m.sentBy])).toEqual([
      ["Halo Budi", "template", { name: "Admin Ana" }],
      ["Dari admin", "manual", { name: "Admin Ana" }],
      ["Dari pemilik", "manual", null],
    ]);
    expect(JSON.stringify(history)).not.toContain(`"ownerId"`);
  });
});

describe("[CHAT][UNREAD] opening a conversation clears its unread badge", () => {
  it("counts messages after the last open, clears them for everyone and announces it", async () => {
    const contact = uniquePhone();
    const jid = `${contact}@s.whatsapp.net`;
    await receiveFrom(contact, "satu");
    await receiveFrom(contact, "dua");
    expect((await me.chat.list({ deviceId })).items[0]).toMatchObject({ chatJid: jid, unread: 2 });

    const since = eventBus().lastId;
    expect(await me.chat.markRead({ deviceId, chatJid: jid })).toEqual({ unreadCleared: true });
    const read = await waitForEvent("chat.read", (d) => d.chatJid === jid, { since });
    expect(read).toMatchObject({ data: { deviceId, chatJid: jid }, scope: { ownerId: owner.id } });
    // Persisted: another session (the admin's) sees it read too; reading again changes nothing.
    expect((await adminCaller.chat.list({ deviceId })).items[0]).toMatchObject({ unread: 0, awaitingReply: 2 });
    expect(await me.chat.markRead({ deviceId, chatJid: jid })).toEqual({ unreadCleared: false });

    await receiveFrom(contact, "tiga");
    expect((await me.chat.list({ deviceId })).items[0]).toMatchObject({ unread: 1, awaitingReply: 3 });
  });

  it("another user's device is NOT_FOUND and nothing is written", async () => {
    const contact = uniquePhone();
    await receiveFrom(contact, "halo");
    const stranger = await callerFor(await createUser());
    await expect(stranger.chat.markRead({ deviceId, chatJid: `${contact}@s.whatsapp.net` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.chat.identity({ deviceId, chatJid: `${contact}@s.whatsapp.net` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const thread = await db().chatThread.findFirstOrThrow({ where: { chatJid: `${contact}@s.whatsapp.net` } });
    expect(thread.readUpToId).toBeNull();
  });
});
