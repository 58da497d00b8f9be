import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { WorkerInstance } from "../../../src/server/jobs/worker-instance";
import { resetDb } from "../../helpers/db";

beforeEach(async () => {
  await resetDb();
});

describe("the runner's instance row", () => {
  it("registers after its heartbeat already wrote the row (a slow start under load), and keeps one row", async () => {
    const instance = new WorkerInstance();
    const start = new Date();
    await instance.beat(new Date(start.getTime() + 1000));
    await instance.register(start);
    const rows = await db().workerInstance.findMany({ where: { id: instance.id } });
    expect(rows).toHaveLength(1);
    // A late write never moves the heartbeat back.
    expect(rows[0]?.heartbeatAt.getTime()).toBe(start.getTime() + 1000);
  });

  it("survives concurrent heartbeats and registration, and recreates a deleted row", async () => {
    const instance = new WorkerInstance();
    const now = Date.now();
    await Promise.all([instance.register(new Date(now)), ...Array.from({ length: 8 }, (_, i) => instance.beat(new Date(now + i)))]);
    expect(await db().workerInstance.count({ where: { id: instance.id } })).toBe(1);
    await db().workerInstance.deleteMany({ where: { id: instance.id } });
    await instance.beat(new Date(now + 100));
    expect((await db().workerInstance.findUniqueOrThrow({ where: { id: instance.id } })).heartbeatAt.getTime()).toBe(now + 100);
  });
});
