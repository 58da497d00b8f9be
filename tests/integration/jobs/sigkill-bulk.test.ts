import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { createJob } from "../../../src/server/services/jobs/create-job";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";
import { jobSettled, startWorker } from "./sigkill-helpers";

const TRIALS = 20;
const RECIPIENTS = 8;

let sandbox: StartedSandbox;
let owner: TestUser;
let device: { id: number; deviceId: string; ownerId: number };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  const admin = await callerFor(await createUser("admin"));
  owner = await createUser("user", { dailyMessageLimit: 100_000 });
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

describe("[JOBS][SIGKILL] bulk jobs survive kill -9 with no duplicate and no loss", () => {
  it(`${TRIALS} trials of a ${RECIPIENTS}-recipient job, killed at random points`, { timeout: 3_600_000 }, async () => {
    let duplicates = 0;
    let losses = 0;
    let sameIdResends = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const tag = `b${trial}-${Date.now().toString(36)}`;
      const phones = Array.from({ length: RECIPIENTS }, () => uniquePhone());
      // A random kill point: after the K-th message reaches the sandbox's socket (sent, not yet recorded) or a
      // contact's inbox (further down the pipeline).
      const killAfter = 1 + Math.floor(Math.random() * (RECIPIENTS - 1));
      const onWire = Math.random() < 0.5;
      const wire = new Map<string, number>();
      const onStanza = (e: { dir: string; tag: string; attrs: Record<string, string> }) => {
        if (e.dir === "in" && e.tag === "message" && e.attrs.id) wire.set(e.attrs.id, (wire.get(e.attrs.id) ?? 0) + 1);
      };
      sandbox.events.on("stanza", onStanza);

      const first = await startWorker(sandbox);
      let seen = 0;
      const killed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`trial ${trial + 1}: only ${seen} of ${killAfter} messages arrived`)), 90_000);
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
      const job = await createJob({
        actor: { id: owner.id, role: "user" },
        meta: { ip: "127.0.0.1" },
        device,
        message: { kind: "text", text: "{{name}}" },
        recipients: { source: "paste", text: phones.map((p, i) => `+${p},${tag}-r${i}`).join("\n") },
        pacing: { minMs: 0, maxMs: 0 },
        excludeIncomplete: false,
        startAt: null,
        timezone: null,
      });
      await killed;
      expect(await first.exited).toBe("SIGKILL");
      const atKill = await db().jobItem.count({ where: { jobId: job.id, status: "sent" } });

      const second = await startWorker(sandbox);
      const status = await jobSettled(job.id, 90_000);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      sandbox.events.off("stanza", onStanza);

      const counts = phones.map((p, i) => sandbox.inbox(p).filter((m) => m.text === `${tag}-r${i}`).length);
      const dup = counts.reduce((n, c) => n + Math.max(0, c - 1), 0);
      const lost = counts.filter((c) => c === 0).length;
      const resends = [...wire.values()].reduce((n, c) => n + (c - 1), 0);
      duplicates += dup;
      losses += lost;
      sameIdResends += resends;
      console.info(
        `[JOBS][SIGKILL][BULK] trial ${trial + 1}: killed after ${killAfter} ${onWire ? "on the wire" : "in inboxes"} (${atKill} recorded sent), job ${status}, duplicates=${dup}, losses=${lost}, same-id resends=${resends}`,
      );
      expect(status).toBe("completed");
      const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
      expect({ completed: row.completed, failed: row.failed }).toEqual({ completed: RECIPIENTS, failed: 0 });
      expect(await db().message.count({ where: { jobItem: { jobId: job.id } } }), "one Message row per recipient").toBe(RECIPIENTS);
    }
    console.info(`[JOBS][SIGKILL][BULK] trials=${TRIALS}, messages=${TRIALS * RECIPIENTS}, duplicates=${duplicates}, losses=${losses}, same-id resends=${sameIdResends}`);
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
  });
});
