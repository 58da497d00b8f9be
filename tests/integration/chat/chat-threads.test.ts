import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { jidOf, seedDevice, seedMessages, type SeededDevice } from "./seed";

const ALICE = jidOf("6281111111111");
const BOB = jidOf("6282222222222");
const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);

let owner: TestUser;
let device: SeededDevice;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  device = await seedDevice(owner.id);
});

async function recentChats(): Promise<string[]> {
  return (await (await callerFor(owner)).chat.list({ deviceId: device.deviceId })).items.map((c) => c.chatJid);
}

describe("[CHAT][THREADS] the recent-chats summary kept on every message insert", () => {
  it("moves a chat up with a newer message and never back with an older one that arrives late", async () => {
    await seedMessages(device, [
      { chatJid: ALICE, at: at("10:00") },
      { chatJid: BOB, at: at("11:00") },
    ]);
    expect(await recentChats()).toEqual([BOB, ALICE]);

    await seedMessages(device, [{ chatJid: ALICE, at: at("09:00"), content: "delivered late" }]);
    expect(await recentChats()).toEqual([BOB, ALICE]);
    expect(await db().chatThread.findUniqueOrThrow({ where: { deviceId_chatJid: { deviceId: device.id, chatJid: ALICE } } })).toMatchObject({
      lastAt: at("10:00"),
    });

    await seedMessages(device, [{ chatJid: ALICE, at: at("12:00"), direction: "outgoing" }]);
    expect(await recentChats()).toEqual([ALICE, BOB]);
  });

  it("keeps one row per chat of each device, and drops them with the device", async () => {
    const other = await seedDevice(owner.id, "Cabang");
    await seedMessages(device, [
      { chatJid: ALICE, at: at("10:00") },
      { chatJid: ALICE, at: at("10:05") },
    ]);
    await seedMessages(other, [{ chatJid: ALICE, at: at("08:00") }]);
    expect(await db().chatThread.count({ where: { deviceId: device.id } })).toBe(1);
    expect(await db().chatThread.count({ where: { deviceId: other.id } })).toBe(1);

    await db().device.delete({ where: { id: device.id } });
    expect(await db().chatThread.findMany({ select: { deviceId: true } })).toEqual([{ deviceId: other.id }]);
  });

  it("keeps the last message, replies owed and pushName right whatever order messages arrive in", async () => {
    // A fixed pseudo-random order: replies and incoming messages interleaved, many arriving late, equal seconds included.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const base = at("08:00").getTime();
    const messages = Array.from({ length: 60 }, (_, i) => ({
      chatJid: ALICE,
      at: new Date(base + Math.floor(random() * 40) * 1000),
      direction: (random() < 0.3 ? "outgoing" : "incoming") as "incoming" | "outgoing",
      pushName: random() < 0.5 ? `Alice ${i}` : undefined,
    }));
    const ids = await seedMessages(device, messages);

    // From scratch: newest first by (timestamp, id); replies owed = incoming before the first outgoing, capped at 21.
    const stored = messages.map((m, i) => ({ ...m, id: ids[i]! })).sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
    const firstReply = stored.findIndex((m) => m.direction === "outgoing");
    const owed = Math.min(21, firstReply === -1 ? stored.length : firstReply);
    const latestName = stored.find((m) => m.direction === "incoming" && m.pushName)?.pushName ?? null;
    const thread = await db().chatThread.findUniqueOrThrow({ where: { deviceId_chatJid: { deviceId: device.id, chatJid: ALICE } } });
    expect(thread).toMatchObject({ lastMessageId: stored[0]!.id, awaitingReply: owed, pushName: latestName });

    const [chat] = (await (await callerFor(owner)).chat.list({ deviceId: device.deviceId })).items;
    expect(chat).toMatchObject({ chatJid: ALICE, awaitingReply: owed, name: latestName, lastMessage: { id: stored[0]!.id } });
  });
});
