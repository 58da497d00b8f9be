import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { jidOf, seedDevice, seedMessages, type SeedMessage, type SeededDevice } from "./seed";

const ALICE = jidOf("6281111111111");
const BOB = jidOf("6282222222222");

let owner: TestUser;
let device: SeededDevice;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  device = await seedDevice(owner.id);
});

describe("[CHAT][HISTORY] keyset paging", () => {
  it("pages through a chat newest first with no duplicates or gaps, even with equal timestamps", async () => {
    const base = Date.parse("2026-03-10T00:00:00Z");
    // 5 messages share each second, inserted out of time order: order is (timestamp desc, id desc).
    const messages: SeedMessage[] = Array.from({ length: 137 }, (_, i) => ({
      chatJid: ALICE,
      at: new Date(base + ((i * 7) % 28) * 1000),
      content: `m${i}`,
      direction: i % 3 === 0 ? "outgoing" : "incoming",
    }));
    const ids = await seedMessages(device, messages);
    await seedMessages(device, [{ chatJid: BOB, at: new Date(base + 5000), content: "other chat" }]);
    const expected = ids
      .map((id, i) => ({ id, at: messages[i]?.at.getTime() ?? 0 }))
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .map((m) => m.id);

    const c = await callerFor(owner);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await c.chat.history({ deviceId: device.deviceId, chatJid: ALICE, cursor, limit: 10 });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(14);
    expect(seen).toEqual(expected);
  });

  it("stays stable while new messages arrive between pages (same-second arrivals included)", async () => {
    const base = Date.parse("2026-03-10T00:00:00Z");
    const ids = await seedMessages(
      device,
      Array.from({ length: 30 }, (_, i) => ({ chatJid: ALICE, at: new Date(base + Math.floor(i / 3) * 1000) })),
    );
    const c = await callerFor(owner);
    const first = await c.chat.history({ deviceId: device.deviceId, chatJid: ALICE, limit: 10 });
    const boundary = first.items[first.items.length - 1];
    // A late arrival in the very second of the page boundary, and a new message: both are "newer" than the cursor.
    await seedMessages(device, [
      { chatJid: ALICE, at: boundary?.timestamp ?? new Date(base) },
      { chatJid: ALICE, at: new Date(base + 60_000) },
    ]);
    const rest: number[] = [];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await c.chat.history({ deviceId: device.deviceId, chatJid: ALICE, cursor, limit: 10 });
      rest.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    }
    const all = [...first.items.map((m) => m.id), ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });

  it("finds the chat by phone number in any format", async () => {
    await seedMessages(device, [{ chatJid: jidOf("6281234567890"), at: new Date(), content: "by phone" }]);
    const page = await (await callerFor(owner)).chat.history({ deviceId: device.deviceId, phone: "0812 3456 7890" });
    expect(page.items.map((m) => m.content)).toEqual(["by phone"]);
  });
});

describe("[CHAT][LISTS] daily and recent chat lists", () => {
  it("groups a local day in the given time zone, with counts, replies owed and names", async () => {
    await db().contact.create({ data: { ownerId: owner.id, name: "Alice Saved", phone: "+6281111111111" } });
    await seedMessages(device, [
      // 10 March, 23:10–23:40 in Jakarta (UTC+7) = 16:10–16:40 UTC.
      { chatJid: ALICE, at: new Date("2026-03-10T16:10:00Z"), content: "hi" },
      { chatJid: ALICE, at: new Date("2026-03-10T16:20:00Z"), direction: "outgoing", content: "hello!" },
      { chatJid: ALICE, at: new Date("2026-03-10T16:30:00Z"), content: "price?" },
      { chatJid: ALICE, at: new Date("2026-03-10T16:40:00Z"), content: "still there?" },
      { chatJid: BOB, at: new Date("2026-03-10T16:35:00Z"), content: "from bob", pushName: "Bobby" },
      // 11 March 00:30 in Jakarta, still 10 March in UTC.
      { chatJid: jidOf("6283333333333"), at: new Date("2026-03-10T17:30:00Z"), content: "late" },
      { chatJid: "120363000000000009@g.us", at: new Date("2026-03-10T16:50:00Z"), content: "group" },
    ]);
    const c = await callerFor(owner);
    const jakarta = await c.chat.dailyChatList({ deviceId: device.deviceId, date: "2026-03-10", timezone: "Asia/Jakarta" });
    expect(jakarta.totalChats).toBe(2);
    expect(jakarta.items.map((i) => [i.chatJid, i.name, i.incoming, i.outgoing, i.awaitingReply, i.lastMessage.preview])).toEqual([
      [ALICE, "Alice Saved", 3, 1, 2, "still there?"],
      [BOB, "Bobby", 1, 0, 1, "from bob"],
    ]);
    const nextDay = await c.chat.dailyChatList({ deviceId: device.deviceId, date: "2026-03-11", timezone: "Asia/Jakarta" });
    expect(nextDay.items.map((i) => i.phone)).toEqual(["+6283333333333"]);
    const utc = await c.chat.dailyChatList({ deviceId: device.deviceId, date: "2026-03-10", timezone: "UTC" });
    expect(utc.items.map((i) => i.chatJid)).toEqual([jidOf("6283333333333"), ALICE, BOB]);
  });

  it("lists recent chats by latest activity with stable paging", async () => {
    const base = Date.parse("2026-03-01T00:00:00Z");
    const chats = Array.from({ length: 7 }, (_, i) => jidOf(`62812000000${i.toString().padStart(2, "0")}`));
    // Chats 2 and 3 end in the same second: the tie is broken by jid.
    await seedMessages(
      device,
      chats.flatMap((jid, i) => [
        { chatJid: jid, at: new Date(base + i * 1000) },
        { chatJid: jid, at: new Date(base + 60_000 + (i === 3 ? 2 : i) * 1000), direction: "outgoing" as const },
      ]),
    );
    const c = await callerFor(owner);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.chat.list({ deviceId: device.deviceId, cursor, limit: 3 });
      seen.push(...page.items.map((i) => i.chatJid));
      expect(page.items.every((i) => i.awaitingReply === 0 && i.lastMessage.direction === "outgoing")).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([chats[6], chats[5], chats[4], chats[3], chats[2], chats[1], chats[0]]);
  });
});
