import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { forgetOldSendWindows } from "../../../src/server/services/jobs/send-caps";
import { DAILY_USAGE_SQL, readDailyUsage, startOfToday } from "../../../src/server/services/messages/daily-usage";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

let owner: { id: number };
let device: { id: number };

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  device = await (await callerFor(await createUser("admin"))).device.create({ ownerId: owner.id });
});

describe("[MESSAGE][DAILY-USAGE] what counts against the daily limit", () => {
  it("counts the owner's outgoing messages since midnight that did not fail, and nothing else", async () => {
    const other = await createUser();
    const otherDevice = await (await callerFor(await createUser("admin"))).device.create({ ownerId: other.id });
    const today = new Date(startOfToday().getTime() + 60_000);
    const yesterday = new Date(startOfToday().getTime() - 60_000);
    let n = 0;
    const row = (over: { ownerId?: number; deviceId?: number; direction?: "incoming" | "outgoing"; status?: "pending" | "sent" | "delivered" | "failed"; timestamp?: Date }) => {
      n += 1;
      return {
        deviceId: device.id,
        ownerId: owner.id,
        waMessageId: `3EB0${n}`,
        chatJid: "6281@s.whatsapp.net",
        fromJid: "6280@s.whatsapp.net",
        toJid: "6281@s.whatsapp.net",
        type: "text" as const,
        content: "Halo",
        direction: "outgoing" as const,
        status: "sent" as const,
        timestamp: today,
        ...over,
      };
    };
    await db().message.createMany({
      data: [
        row({ status: "pending" }),
        row({ status: "sent" }),
        row({ status: "delivered" }),
        row({ status: "failed" }),
        row({ direction: "incoming" }),
        row({ timestamp: yesterday }),
        row({ ownerId: other.id, deviceId: otherDevice.id }),
      ],
    });
    await db().user.update({ where: { id: owner.id }, data: { dailyMessageLimit: 40 } });

    expect(await readDailyUsage(owner.id)).toEqual({ dailyMessageLimit: 40, sentToday: 3 });
    expect(await readDailyUsage(owner.id + other.id + 1000)).toBeNull();
  });

  it("sums the owner's counters since midnight by primary key, without reading any message (it runs on every send)", async () => {
    const [plan] = await db().$queryRawUnsafe<Array<{ EXPLAIN: string }>>(`EXPLAIN FORMAT=JSON ${DAILY_USAGE_SQL}`, startOfToday(), owner.id);
    const text = JSON.stringify(JSON.parse(plan?.EXPLAIN ?? "{}"));
    const sum = /"table_name":"c","access_type":"([^"]+)".*?"key":"([^"]+)"/.exec(text);
    expect(sum?.[1]).toBe("range");
    expect(sum?.[2]).toBe("PRIMARY");
    expect(text).not.toContain('"table_name":"Message"');
    expect(text).not.toContain('"table_name":"m"');
  });

  it("keeps the count as messages fail, revive, move to another owner or are deleted, and at the edges of the day", async () => {
    let n = 0;
    const message = (timestamp: Date, status: "pending" | "sent" | "failed" = "pending") =>
      db().message.create({
        data: {
          deviceId: device.id,
          ownerId: owner.id,
          waMessageId: `3EB1${(n += 1)}`,
          chatJid: "6281@s.whatsapp.net",
          fromJid: "6280@s.whatsapp.net",
          toJid: "6281@s.whatsapp.net",
          type: "text",
          content: "Halo",
          direction: "outgoing",
          status,
          timestamp,
        },
      });
    const usage = async () => (await readDailyUsage(owner.id))?.sentToday;
    const midnight = startOfToday();
    const [first, second] = [await message(midnight), await message(new Date(midnight.getTime() + 7 * 60_000 + 999))];
    await message(new Date(midnight.getTime() - 1));
    await message(new Date(midnight.getTime() + 60_000), "failed");
    expect(await usage()).toBe(2);

    await db().message.update({ where: { id: first.id }, data: { status: "sent" } });
    await db().message.update({ where: { id: first.id }, data: { status: "delivered", statFlags: 1 } });
    expect(await usage()).toBe(2);
    await db().message.update({ where: { id: second.id }, data: { status: "failed" } });
    expect(await usage()).toBe(1);
    await db().message.update({ where: { id: second.id }, data: { status: "delivered" } });
    expect(await usage()).toBe(2);

    // Moved to yesterday (a rewritten time), then to another owner with its device: the counts follow.
    await db().message.update({ where: { id: second.id }, data: { timestamp: new Date(midnight.getTime() - 60_000) } });
    expect(await usage()).toBe(1);
    const other = await createUser();
    await db().message.update({ where: { id: first.id }, data: { ownerId: other.id } });
    expect(await usage()).toBe(0);
    expect((await readDailyUsage(other.id))?.sentToday).toBe(1);

    // A message that went out stays counted for its day after it is deleted.
    await db().message.delete({ where: { id: first.id } });
    expect((await readDailyUsage(other.id))?.sentToday).toBe(1);
  });

  it("forgets the spans of days before yesterday, and today's count stays", async () => {
    const midnight = startOfToday().getTime();
    const spans = [midnight - 3 * 24 * 3600_000, midnight - 24 * 3600_000 - 15 * 60_000, midnight - 15 * 60_000, midnight];
    await db().sendCount.createMany({ data: spans.map((at) => ({ ownerId: owner.id, span: new Date(at), sent: 2 })) });
    await forgetOldSendWindows();
    const left = await db().sendCount.findMany({ where: { ownerId: owner.id }, orderBy: { span: "asc" } });
    expect(left.map((row) => row.span.getTime())).toEqual(spans.slice(2));
    expect(await readDailyUsage(owner.id)).toMatchObject({ sentToday: 2 });
  });
});
