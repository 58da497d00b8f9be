import { beforeEach, describe, expect, it } from "vitest";
import { nudgeRunner } from "../../../src/server/jobs/nudge";
import { scheduledMessageSource } from "../../../src/server/services/work/sources/scheduled-messages";
import type { ClaimRequest } from "../../../src/server/jobs/work-source";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { inOneHour, makeDue } from "./helpers";

let device: { id: number; deviceId: string; ownerId: number };

beforeEach(async () => {
  await resetDb();
  const owner = await createUser();
  const created = await (await callerFor(await createUser("admin"))).device.create({ ownerId: owner.id });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
});

function request(pollMs?: number): ClaimRequest {
  const now = new Date();
  return {
    devices: [{ id: device.id, deviceId: device.deviceId }],
    limit: 1,
    now,
    staleBefore: new Date(now.getTime() - 60_000),
    liveAfter: new Date(now.getTime() - 4000),
    instanceId: "test-instance",
    ...(pollMs === undefined ? {} : { pollMs }),
  };
}

describe("[SCHEDULED][CLAIM] a busy lane asks for due messages once per poll interval", () => {
  it("after finding nothing due, a lane waits out the poll interval unless this process nudges; the runner's own poll always asks", async () => {
    const source = scheduledMessageSource();
    const row = await scheduleMessage({
      actor: { id: device.ownerId, role: "user" },
      meta: { ip: "127.0.0.1" },
      device,
      to: "+6281234567001",
      text: "later",
      at: new Date(inOneHour()),
      timezone: "Asia/Jakarta",
    });
    expect(await source.claim(request(60_000))).toEqual([]);
    // Due now, written by "another process" (no nudge here): the lane does not ask again within its poll interval…
    await makeDue(row.id);
    expect(await source.claim(request(60_000))).toEqual([]);
    // …but the runner's poll (no pollMs) does,
    const polled = await source.claim(request());
    expect(polled.map((w) => w.id)).toEqual([row.id]);
    await source.release?.(polled[0]!);

    // and a nudge from this process (work created here) ends the wait at once.
    expect(await source.claim(request(60_000))).toEqual([]);
    const second = await scheduleMessage({
      actor: { id: device.ownerId, role: "user" },
      meta: { ip: "127.0.0.1" },
      device,
      to: "+6281234567002",
      text: "now",
      at: new Date(),
      timezone: "Asia/Jakarta",
    });
    nudgeRunner();
    const claimed = await source.claim(request(60_000));
    expect(claimed).toHaveLength(1);
    expect([row.id, second.id]).toContain(claimed[0]?.id);
  });
});
