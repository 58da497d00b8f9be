import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { WorkerInstance } from "../../../src/server/jobs/worker-instance";
import { resetDb } from "../../helpers/db";

beforeAll(async () => {
  await resetDb();
});

describe("[JOBS] worker instance registration", () => {
  it("registers even when the heartbeat wrote the row first (a slow first pass), so the runner is not stuck", async () => {
    const instance = new WorkerInstance();
    await instance.beat(new Date());
    await expect(instance.register(new Date())).resolves.toBeUndefined();
    expect(await db().workerInstance.count({ where: { id: instance.id } })).toBe(1);
    await instance.unregister();
  });
});
