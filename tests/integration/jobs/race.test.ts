import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { WorkRunner } from "../../../src/server/jobs/runner";
import { scheduledMessageSource } from "../../../src/server/services/work/sources/scheduled-messages";
import type { ClaimedWork, WorkSource } from "../../../src/server/jobs/work-source";
import { WorkerInstance } from "../../../src/server/jobs/worker-instance";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runners: WorkRunner[] = [];
let owner: TestUser;
let devices: Array<{ id: number; deviceId: string; ownerId: number }>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  const admin = await callerFor(await createUser("admin"));
  owner = await createUser();
  const me = await callerFor(owner);
  devices = [];
  for (const name of ["Kasir 1", "Kasir 2"]) {
    const created = await admin.device.create({ ownerId: owner.id, deviceName: name });
    await pairByQr(sandbox, me, created.deviceId, uniquePhone());
    devices.push({ id: created.id, deviceId: created.deviceId, ownerId: owner.id });
  }
});
afterEach(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  runners = [];
  await stopTestManager(manager);
  manager = undefined;
});

async function scheduleDueNow(count: number, contacts: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const device = devices[i % devices.length]!;
    const row = await scheduleMessage({
      actor: { id: owner.id, role: "user" },
      meta: { ip: "127.0.0.1" },
      device,
      to: `+${contacts[i % contacts.length]}`,
      text: `race-${i}`,
      at: new Date(),
      timezone: "UTC",
    });
    ids.push(row.id);
  }
  return ids;
}

/** Resolves when every row in `ids` has left `pending`, re-checking after each of their scheduled.status events. */
async function allSettled(ids: number[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const settled = async () => (await db().scheduledMessage.count({ where: { id: { in: ids }, status: { not: "pending" } } })) === ids.length;
  for (;;) {
    const since = eventBus().lastId;
    if (await settled()) return;
    if (Date.now() > deadline) throw new Error("scheduled messages did not settle in time");
    await waitForEvent("scheduled.status", (d) => ids.includes(d.scheduledId) && d.status !== "pending", { since, timeoutMs: deadline - Date.now() });
  }
}

describe("[JOBS][CLAIM] SKIP LOCKED", () => {
  it("concurrent claims over the same due rows take each row once", async () => {
    const ids = await scheduleDueNow(24, [uniquePhone()]);
    const source = scheduledMessageSource();
    const runnerDevices = devices.map((d) => ({ id: d.id, deviceId: d.deviceId }));
    const claimed: ClaimedWork[] = [];
    const instance = new WorkerInstance();
    await instance.register(new Date());
    // Eight claimers at once, repeatedly, until nothing is left: each pass takes at most one row per device.
    for (;;) {
      const now = new Date();
      const batches = await Promise.all(
        Array.from({ length: 8 }, () => source.claim({
            devices: runnerDevices,
            limit: 8,
            now,
            staleBefore: new Date(now.getTime() - 60_000),
            instanceId: instance.id,
            liveAfter: new Date(now.getTime() - 4000),
          })),
      );
      const pass = batches.flat();
      if (pass.length === 0) break;
      claimed.push(...pass);
    }
    expect(claimed.map((c) => c.id).sort((a, b) => a - b)).toEqual(ids);
    expect(claimed.every((c) => c.claim === 1)).toBe(true);
    const rows = await db().scheduledMessage.findMany({ where: { id: { in: ids } }, select: { attempts: true, claimedAt: true } });
    expect(rows.every((r) => r.attempts === 1 && r.claimedAt !== null)).toBe(true);
  });
});

describe("[JOBS][RACE] two runners over the same due rows", () => {
  it("send every message exactly once between them", async () => {
    const contacts = [uniquePhone(), uniquePhone(), uniquePhone()];
    const wire = new Map<string, number>();
    sandbox.events.on("stanza", (e) => {
      if (e.dir === "in" && e.tag === "message" && e.attrs.id) wire.set(e.attrs.id, (wire.get(e.attrs.id) ?? 0) + 1);
    });
    const ids = await scheduleDueNow(30, contacts);
    const claimsBy: number[][] = [[], []];
    const counted = (index: number): WorkSource => {
      const inner = scheduledMessageSource();
      return {
        ...inner,
        claim: async (request) => {
          const claimed = await inner.claim(request);
          claimsBy[index]!.push(...claimed.map((c) => c.id));
          return claimed;
        },
      };
    };
    runners = [0, 1].map((i) => new WorkRunner({ sources: [counted(i)], pollMs: 50, maxConcurrent: 4 }));
    for (const runner of runners) runner.start();
    await allSettled(ids);

    const rows = await db().scheduledMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const messages = await db().message.findMany({ where: { id: { in: rows.map((r) => r.sentMessageId ?? -1) } } });
    expect(messages).toHaveLength(30);
    for (const message of messages) expect(wire.get(message.waMessageId ?? "")).toBe(1);
    expect([...claimsBy[0]!, ...claimsBy[1]!].sort((a, b) => a - b)).toEqual(ids);
    const texts = contacts.flatMap((c) => sandbox.inbox(c).map((m) => m.text)).sort();
    expect(texts).toEqual(ids.map((_, i) => `race-${i}`).sort());
    console.info(`[JOBS][RACE] runner A claimed ${claimsBy[0]!.length}, runner B ${claimsBy[1]!.length} of ${ids.length}`);
  });
});
