import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
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

  it("reads the count from the owner index alone, without table rows (it runs on every send)", async () => {
    const [plan] = await db().$queryRawUnsafe<Array<{ EXPLAIN: string }>>(`EXPLAIN FORMAT=JSON ${DAILY_USAGE_SQL}`, startOfToday(), owner.id);
    const text = JSON.stringify(JSON.parse(plan?.EXPLAIN ?? "{}"));
    const count = /"table_name":"m".*?"key":"([^"]+)".*?"using_index":(true|false)/.exec(text);
    expect(count?.[1]).toBe("Message_ownerId_timestamp_idx");
    expect(count?.[2]).toBe("true");
  });
});
