import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { logger } from "../../../src/server/logger";
import { storeIncomingMessage } from "../../../src/server/services/messages/store-incoming-message";
import { updateOutgoingStatus } from "../../../src/server/services/messages/update-outgoing-status";
import { rebuildStatistics } from "../../../src/server/services/statistics/rebuild-statistics";
import { startStatisticsConsumer, type StatisticsConsumer } from "../../../src/server/services/statistics/statistics-consumer";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { jidOf, seedDevice, type SeededDevice } from "../chat/seed";

// The crafted day is a calendar day in Asia/Jakarta (UTC+7), the default reporting zone.
const DAY = "2026-11-20";
const local = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm}:00+07:00`);

let consumer: StatisticsConsumer;

beforeAll(() => {
  consumer = startStatisticsConsumer(logger(), { catchUpHours: 0 });
});
afterAll(async () => {
  await consumer.stop();
});
beforeEach(resetDb);

async function incoming(device: SeededDevice, chat: string, at: Date): Promise<number> {
  const id = await storeIncomingMessage({
    device,
    waMessageId: randomUUID(),
    chatJid: jidOf(chat),
    fromJid: jidOf(chat),
    toJid: jidOf("6281900000001"),
    type: "text",
    content: "halo",
    timestamp: at,
    pushName: null,
  });
  return id!;
}

/** Stores an outgoing row the way the send path does (pending, then the `pending` event), then moves it on. */
async function outgoing(device: SeededDevice, chat: string, at: Date, statuses: Array<"sent" | "delivered" | "read" | "failed">): Promise<number> {
  const waMessageId = randomUUID();
  const row = await db().message.create({
    data: { deviceId: device.id, ownerId: device.ownerId, waMessageId, chatJid: jidOf(chat), fromJid: jidOf("6281900000001"), toJid: jidOf(chat), content: "ok", direction: "outgoing", status: "pending", timestamp: at },
  });
  eventBus().publish("message.status", { deviceId: device.deviceId, messageId: row.id, waMessageId, status: "pending", error: null }, { ownerId: device.ownerId });
  for (const status of statuses) await updateOutgoingStatus({ device, waMessageId, messageId: row.id, status, error: "no route" });
  return row.id;
}

async function dayRow(device: SeededDevice, day = DAY) {
  return db().dailyStatistic.findUnique({
    where: { deviceId_date: { deviceId: device.id, date: new Date(`${day}T00:00:00Z`) } },
    select: { incoming: true, outgoing: true, activeChats: true, incomingChats: true, repliedChats: true, responseRate: true, delivered: true, read: true, failed: true },
  });
}

async function craftDay(device: SeededDevice) {
  await incoming(device, "6281100000005", new Date("2026-11-19T17:30:00Z")); // 00:30 local: this day, not the UTC one
  await outgoing(device, "6281100000003", local("08:00"), ["sent", "delivered"]); // before chat 3 wrote: no reply
  await incoming(device, "6281100000001", local("09:00"));
  const reply = await outgoing(device, "6281100000001", local("09:05"), ["sent", "delivered", "read"]);
  await incoming(device, "6281100000002", local("10:00")); // never answered
  await incoming(device, "6281100000003", local("11:00"));
  await outgoing(device, "6281100000004", local("12:00"), ["failed"]);
  await incoming(device, "6281100000001", local("13:00"));
  await outgoing(device, "6281100000006", new Date(`${DAY}T17:01:00Z`), ["sent"]); // 00:01 local next day
  await consumer.settled();
  return { reply };
}

const EXPECTED_DAY = { incoming: 5, outgoing: 3, activeChats: 5, incomingChats: 4, repliedChats: 1, responseRate: 0.25, delivered: 2, read: 1, failed: 1 };

describe("daily statistics", () => {
  it("counts a crafted day in the reporting zone as messages and receipts arrive", async () => {
    const user = await createUser();
    const device = await seedDevice(user.id);
    await craftDay(device);
    expect(await dayRow(device)).toEqual(EXPECTED_DAY);
    expect(await dayRow(device, "2026-11-21")).toMatchObject({ outgoing: 1, incoming: 0, activeChats: 1, incomingChats: 0, responseRate: 0 });
    expect(await dayRow(device, "2026-11-19")).toBeNull();
  });

  it("counts a replayed receipt, a status published twice and a redelivered message once", async () => {
    const user = await createUser();
    const device = await seedDevice(user.id);
    const { reply } = await craftDay(device);
    const bus = eventBus();
    const message = await db().message.findUniqueOrThrow({ where: { id: reply } });
    for (const status of ["pending", "delivered", "read"] as const) {
      bus.publish("message.status", { deviceId: device.deviceId, messageId: reply, waMessageId: message.waMessageId, status, error: null }, { ownerId: user.id });
    }
    const first = await db().message.findFirstOrThrow({ where: { deviceId: device.id, direction: "incoming" }, orderBy: { id: "asc" } });
    bus.publish(
      "message.received",
      { deviceId: device.deviceId, messageId: first.id, chatJid: first.chatJid, fromJid: first.fromJid, type: "text", content: "halo", timestamp: first.timestamp.toISOString(), pushName: null, mediaId: null },
      { ownerId: user.id },
    );
    expect(await updateOutgoingStatus({ device, waMessageId: message.waMessageId!, status: "read" })).toBe(false);
    const redelivered = await storeIncomingMessage({
      device,
      waMessageId: first.waMessageId!,
      chatJid: first.chatJid,
      fromJid: first.fromJid,
      toJid: first.toJid,
      type: "text",
      content: "halo",
      timestamp: first.timestamp,
      pushName: null,
    });
    expect(redelivered).toBeNull();
    await consumer.settled();
    expect(await dayRow(device)).toEqual(EXPECTED_DAY);
  });

  it("rebuilds a date range from the messages to the same figures, and live counting continues on top without double counting", async () => {
    const user = await createUser();
    const device = await seedDevice(user.id);
    await craftDay(device);
    await db().dailyStatistic.deleteMany({});
    await db().dailyChatActivity.deleteMany({});
    expect(await rebuildStatistics({ from: DAY, to: "2026-11-21" })).toEqual({ days: 2, devices: 1 });
    expect(await dayRow(device)).toEqual(EXPECTED_DAY);
    expect(await dayRow(device, "2026-11-21")).toMatchObject({ outgoing: 1, activeChats: 1 });
    // After the rebuild a new reply to chat 2 counts once and turns it into a replied chat.
    await outgoing(device, "6281100000002", local("15:00"), ["sent", "delivered"]);
    await consumer.settled();
    expect(await dayRow(device)).toEqual({ ...EXPECTED_DAY, outgoing: 4, delivered: 3, repliedChats: 2, responseRate: 0.5 });
    await rebuildStatistics({ from: DAY, to: DAY });
    expect(await dayRow(device)).toEqual({ ...EXPECTED_DAY, outgoing: 4, delivered: 3, repliedChats: 2, responseRate: 0.5 });
  });

  it("catches up on messages stored while nothing listened", async () => {
    const user = await createUser();
    const device = await seedDevice(user.id);
    const now = new Date();
    await db().message.create({
      data: { deviceId: device.id, ownerId: user.id, waMessageId: randomUUID(), chatJid: jidOf("6281100000009"), fromJid: jidOf("6281100000009"), toJid: jidOf("6281900000001"), direction: "incoming", status: "delivered", timestamp: now },
    });
    const catchUp = startStatisticsConsumer(logger(), { catchUpHours: 1 });
    await catchUp.settled();
    await catchUp.stop();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
    expect(await dayRow(device, today)).toMatchObject({ incoming: 1, activeChats: 1, incomingChats: 1 });
  });

  it("reports a user's own statistics and refuses another user's device; the global report is admin-only", async () => {
    const user = await createUser();
    const other = await createUser();
    const admin = await createUser("admin");
    const device = await seedDevice(user.id);
    const foreign = await seedDevice(other.id);
    await craftDay(device);
    await incoming(foreign, "6281100000007", local("09:00"));
    await consumer.settled();
    const mine = await (await callerFor(user)).stats.mine({ from: DAY, to: DAY });
    expect(mine.totals).toMatchObject({ incoming: 5, outgoing: 3, responseRate: 0.25, deliveredRate: 2 / 3, readRate: 1 / 3 });
    expect(mine.daily).toEqual([expect.objectContaining({ date: DAY, incoming: 5 })]);
    expect(mine.byDevice.map((d) => d.deviceId)).toEqual([device.deviceId]);
    await expect((await callerFor(user)).stats.mine({ from: DAY, to: DAY, deviceId: foreign.deviceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(user)).stats.global({ from: DAY, to: DAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const global = await (await callerFor(admin)).stats.global({ from: DAY, to: DAY });
    expect(global.totals.incoming).toBe(6);
    expect(global.byUser.map((u) => [u.username, u.incoming])).toEqual([
      [user.username, 5],
      [other.username, 1],
    ]);
    const oneUser = await (await callerFor(admin)).stats.global({ from: DAY, to: DAY, userId: other.id });
    expect(oneUser.totals.incoming).toBe(1);
    await expect((await callerFor(admin)).stats.global({ from: "2026-11-21", to: DAY })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
