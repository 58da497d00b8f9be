import { beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "../../../src/generated/prisma/client";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

let owner: TestUser;
let me: Caller;
let device: { id: number; deviceId: string };
let seq = 0;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  me = await callerFor(owner);
  const admin = await callerFor(await createUser("admin"));
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId };
});

async function message(chatJid: string, opts: { at: string; incoming?: boolean; metadata?: Prisma.InputJsonValue }) {
  seq += 1;
  await db().message.create({
    data: {
      deviceId: device.id,
      ownerId: owner.id,
      waMessageId: `WA${seq}`,
      chatJid,
      fromJid: opts.incoming === false ? "6281100000000@s.whatsapp.net" : chatJid,
      toJid: opts.incoming === false ? chatJid : "6281100000000@s.whatsapp.net",
      content: "Halo",
      direction: opts.incoming === false ? "outgoing" : "incoming",
      status: "delivered",
      timestamp: new Date(opts.at),
      metadata: opts.metadata,
    },
  });
}

async function seedChats() {
  const budi = "6281234567890@s.whatsapp.net";
  const siti = "6281299998888@s.whatsapp.net";
  await message(budi, { at: "2026-01-01T08:00:00Z", metadata: { pushName: "Budi lama" } });
  await message(budi, { at: "2026-01-02T08:00:00Z", metadata: { pushName: "Budi" } });
  await message(budi, { at: "2026-01-03T08:00:00Z", incoming: false, metadata: { pushName: "not the contact" } });
  await message(siti, { at: "2026-01-04T08:00:00Z" });
  await message("120363000000000000@g.us", { at: "2026-01-05T08:00:00Z", metadata: { pushName: "Group member" } });
  await message("123456789012345@lid", { at: "2026-01-06T08:00:00Z" });
}

describe("[CONTACT][WHATSAPP] the device's address book", () => {
  it("lists one-to-one chats newest first with the latest push name, marking saved contacts", async () => {
    await seedChats();
    await me.contact.create({ name: "Siti (toko)", phone: "081299998888" });
    const book = await me.contact.fromWhatsApp({ deviceId: device.deviceId });
    expect(book).toMatchObject({ source: "chats", truncated: false });
    expect(book.items).toEqual([
      {
        jid: "6281299998888@s.whatsapp.net",
        phone: "+6281299998888",
        pushName: null,
        lastMessageAt: new Date("2026-01-04T08:00:00Z"),
        messageCount: 1,
        savedContact: { id: expect.any(Number), name: "Siti (toko)" },
      },
      {
        jid: "6281234567890@s.whatsapp.net",
        phone: "+6281234567890",
        pushName: "Budi",
        lastMessageAt: new Date("2026-01-03T08:00:00Z"),
        messageCount: 3,
        savedContact: null,
      },
    ]);
  });

  it("syncFromDevice saves new numbers, names them by push name, and never overwrites a name the user typed", async () => {
    await seedChats();
    await me.contact.create({ name: "Siti (toko)", phone: "081299998888" });
    await expect(me.contact.syncFromDevice({ deviceId: device.deviceId })).resolves.toEqual({ created: 1, updated: 0, unchanged: 1 });
    const saved = await me.contact.list();
    expect(saved.items.map((c) => [c.name, c.phone, c.jid])).toEqual([
      ["Budi", "+6281234567890", "6281234567890@s.whatsapp.net"],
      ["Siti (toko)", "+6281299998888", "6281299998888@s.whatsapp.net"],
    ]);

    // A contact still named by its number picks up the push name once one is known; a second sync changes nothing.
    await message("6281277776666@s.whatsapp.net", { at: "2026-01-07T08:00:00Z" });
    await me.contact.syncFromDevice({ deviceId: device.deviceId });
    await message("6281277776666@s.whatsapp.net", { at: "2026-01-08T08:00:00Z", metadata: { pushName: "Dedi" } });
    await expect(me.contact.syncFromDevice({ deviceId: device.deviceId })).resolves.toEqual({ created: 0, updated: 1, unchanged: 2 });
    const before = await rowCounts();
    await expect(me.contact.syncFromDevice({ deviceId: device.deviceId })).resolves.toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await rowCounts()).toEqual(before);
    const activity = await db().activityLog.findMany({ where: { userId: owner.id, action: "contact.syncFromDevice" } });
    expect(activity).toHaveLength(3);
  });

  it("an admin syncing a user's device saves into the device owner's contacts", async () => {
    await seedChats();
    const adminUser = await createUser("admin");
    await (await callerFor(adminUser)).contact.syncFromDevice({ deviceId: device.deviceId });
    expect(await db().contact.count({ where: { ownerId: owner.id } })).toBe(2);
    expect(await db().contact.count({ where: { ownerId: adminUser.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { actorId: adminUser.id, action: "contact.syncFromDevice" } })).toBe(1);
  });
});
