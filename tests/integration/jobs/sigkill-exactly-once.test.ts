import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { scheduleNow } from "../scheduled/helpers";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";
import { startWorker } from "./sigkill-helpers";

const MESSAGES = 30;
/** The worker is killed as soon as this many of the trial's messages have reached the contacts. */
const KILL_AFTER = [1, 7, 15, 22, 29];
/** Work a killed worker held is sent by its successor within this once the successor is up (issue 15). */
const RECOVERY_MS = 5000;

let sandbox: StartedSandbox;
let owner: TestUser;
let device: { id: number; deviceId: string; ownerId: number };
const contacts = [uniquePhone(), uniquePhone(), uniquePhone()];

/** Resolves when every row in `ids` has left `pending`; how long that took from `since`. */
async function settledWithin(ids: number[], since: number): Promise<number> {
  await allSent(ids);
  return Date.now() - since;
}

/** Resolves when every row has left `pending` (the worker runs in another process: its events are not ours to wait on). */
async function allSent(ids: number[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db().scheduledMessage.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: true });
    const pending = rows.find((r) => r.status === "pending")?._count ?? 0;
    const failed = rows.find((r) => r.status === "failed")?._count ?? 0;
    if (failed) throw new Error(`${failed} scheduled messages failed`);
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} scheduled messages still pending`);
    // A state poll across processes (20 ms), not a wait for time to pass.
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  const admin = await callerFor(await createUser("admin"));
  owner = await createUser("user", { dailyMessageLimit: 10_000 });
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  // Pair here, then hand the device over: its encrypted credentials in MySQL let each worker reconnect without a QR.
  const manager = startTestManager(sandbox);
  await pairByQr(sandbox, await callerFor(owner), device.deviceId, uniquePhone());
  await stopTestManager(manager);
});
afterAll(async () => {
  await sandbox?.close();
});

describe("[JOBS][SIGKILL] scheduled sending survives kill -9 with no duplicate and no loss", () => {
  it(`${KILL_AFTER.length} trials of ${MESSAGES} messages, killed at different points`, { timeout: 600_000 }, async () => {
    let duplicates = 0;
    let losses = 0;
    let sameIdResends = 0;
    const recoveries: number[] = [];
    const decryptErrors: string[] = [];
    sandbox.events.on("decrypt-error", (e) => decryptErrors.push(`${e.id}: ${e.error}`));

    for (const [trial, killAfter] of KILL_AFTER.entries()) {
      const tag = `t${trial}-${Date.now().toString(36)}`;
      const texts = Array.from({ length: MESSAGES }, (_, i) => `${tag}-m${i}`);
      const wire = new Map<string, number>();
      const onStanza = (e: { dir: string; tag: string; attrs: Record<string, string> }) => {
        if (e.dir === "in" && e.tag === "message" && e.attrs.id) wire.set(e.attrs.id, (wire.get(e.attrs.id) ?? 0) + 1);
      };
      sandbox.events.on("stanza", onStanza);

      const first = await startWorker(sandbox);
      // Odd trials kill when the K-th message reaches the sandbox's socket (the worker has just sent it and not yet
      // recorded it), even trials when the K-th is in a contact's inbox (the worker is further down the pipeline).
      const onWire = trial % 2 === 0;
      let seen = 0;
      const killed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`trial ${trial + 1}: only ${seen} of ${killAfter} messages arrived; decrypt errors: ${decryptErrors.join("; ")}`)),
          60_000,
        );
        const kill = () => {
          seen += 1;
          if (seen < killAfter) return;
          first.child.kill("SIGKILL");
          clearTimeout(timer);
          sandbox.events.off("stanza", onFrame);
          sandbox.events.off("message", onMessage);
          resolve();
        };
        const onFrame = (e: { dir: string; tag: string; attrs: Record<string, string> }) => {
          if (onWire && e.dir === "in" && e.tag === "message" && e.attrs.id && wire.get(e.attrs.id) === 1) kill();
        };
        const onMessage = (e: { text?: string }) => {
          if (!onWire && e.text?.startsWith(`${tag}-`)) kill();
        };
        sandbox.events.on("stanza", onFrame);
        sandbox.events.on("message", onMessage);
      });
      const ids = await scheduleNow(owner, device, contacts, texts);
      await killed;
      expect(await first.exited).toBe("SIGKILL");
      const atKill = await db().scheduledMessage.count({ where: { id: { in: ids }, status: "sent" } });
      const held = await db().scheduledMessage.findMany({ where: { id: { in: ids }, status: "pending", claimedAt: { not: null } }, select: { id: true } });

      const spawnedAt = Date.now();
      const second = await startWorker(sandbox);
      const startupMs = Date.now() - spawnedAt;
      const recoveryMs = await settledWithin(held.map((r) => r.id), spawnedAt + startupMs);
      recoveries.push(recoveryMs);
      expect(recoveryMs, `trial ${trial + 1}: the ${held.length} item(s) the killed worker held`).toBeLessThan(RECOVERY_MS);
      await allSent(ids);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      sandbox.events.off("stanza", onStanza);

      const counts = new Map<string, number>(texts.map((t) => [t, 0]));
      for (const contact of contacts) {
        for (const m of sandbox.inbox(contact)) if (counts.has(m.text)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
      }
      const dup = [...counts.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
      const lost = [...counts.values()].filter((c) => c === 0).length;
      const resends = [...wire.values()].reduce((n, c) => n + (c - 1), 0);
      duplicates += dup;
      losses += lost;
      sameIdResends += resends;
      console.info(
        `[JOBS][SIGKILL] trial ${trial + 1}: killed after ${killAfter} ${onWire ? "on the wire" : "in inboxes"} (${atKill} recorded sent, ${held.length} held), duplicates=${dup}, losses=${lost}, same-id resends=${resends}, successor up in ${startupMs} ms, held work done ${recoveryMs} ms later`,
      );

      const messages = await db().message.count({ where: { deviceId: device.id, content: { startsWith: `${tag}-` } } });
      expect(messages, "one Message row per scheduled message").toBe(MESSAGES);
    }

    console.info(
      `[JOBS][SIGKILL] trials=${KILL_AFTER.length}, messages=${KILL_AFTER.length * MESSAGES}, duplicates=${duplicates}, losses=${losses}, same-id resends=${sameIdResends}, decrypt errors=${decryptErrors.length}, recovery ms=${recoveries.join("/")}`,
    );
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
  });
});
