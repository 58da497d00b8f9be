import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { createGroupMediaJob } from "../../../src/server/services/groups/group-media-job";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";
import { startWorker } from "../jobs/sigkill-helpers";

/** 20 trials take ~15 min on a loaded 2-core machine (each worker start imports the app under tsx): set 20 for the full run. */
const TRIALS = Number(process.env.GROUP_SIGKILL_TRIALS ?? 6);
const GROUPS = 6;

let sandbox: StartedSandbox;
let admin: TestUser;
let device: { id: number; deviceId: string; ownerId: number };
/** Each group's jid and the phones in it (besides the device's number). */
const groups: Array<{ jid: string; members: string[] }> = [];

/** Resolves when the job has no pending item left (the worker runs in another process: its events are not ours). */
async function jobDone(jobId: number, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, total: true, completed: true, failed: true } });
    if (job.status !== "processing") return job.status;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still processing: ${job.completed}/${job.total} sent, ${job.failed} failed`);
    // A state poll across processes (20 ms), not a wait for time to pass.
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  admin = await createUser("admin");
  const adminCaller = await callerFor(admin);
  const owner = await createUser("user", { dailyMessageLimit: 100_000 });
  const created = await adminCaller.device.create({ ownerId: owner.id, deviceName: "Toko Grup" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  // Pair and make the groups here, then hand the device over: its credentials in MySQL let each worker reconnect.
  const manager = startTestManager(sandbox);
  await pairByQr(sandbox, await callerFor(owner), device.deviceId, uniquePhone());
  for (let g = 0; g < GROUPS; g += 1) {
    const members = [uniquePhone(), uniquePhone()];
    for (const phone of members) sandbox.createAccount({ phone, name: `Anggota ${phone.slice(-4)}` });
    const group = await adminCaller.group.create({ deviceId: device.deviceId, subject: `Grup ${g}`, participants: members.map((p) => `+${p}`) });
    groups.push({ jid: group.groupJid, members });
  }
  await stopTestManager(manager);
}, 180_000);
afterAll(async () => {
  await sandbox?.close();
});

describe("[GROUP][JOBS][SIGKILL] group media jobs survive kill -9 with no duplicate and no loss", () => {
  it(`${TRIALS} trials of a ${GROUPS}-group job, killed at random points`, { timeout: 3_600_000 }, async () => {
    let duplicates = 0;
    let losses = 0;
    let sameIdResends = 0;
    // Each trial's recovering worker is the next trial's victim: one worker start per trial.
    let first = await startWorker(sandbox);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const tag = `g${trial}-${Date.now().toString(36)}`;
      // A random kill point: after the K-th group message reaches the sandbox's socket (sent, not yet recorded) or a
      // member's phone (further down the pipeline).
      const killAfter = 1 + Math.floor(Math.random() * (GROUPS - 1));
      const onWire = Math.random() < 0.5;
      const wire = new Map<string, number>();
      const onStanza = (e: { dir: string; tag: string; attrs: Record<string, string> }) => {
        if (e.dir === "in" && e.tag === "message" && e.attrs.to?.endsWith("@g.us") && e.attrs.id) wire.set(e.attrs.id, (wire.get(e.attrs.id) ?? 0) + 1);
      };
      sandbox.events.on("stanza", onStanza);

      const firstReady = Date.now();
      let seen = 0;
      const counted = new Set<string>();
      const killed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`trial ${trial + 1}: only ${seen} of ${killAfter} messages arrived`)), 90_000);
        const kill = () => {
          seen += 1;
          if (seen < killAfter) return;
          first.child.kill("SIGKILL");
          clearTimeout(timer);
          sandbox.events.off("stanza", onFrame);
          sandbox.events.off("group-message", onMessage);
          resolve();
        };
        const onFrame = (e: { dir: string; tag: string; attrs: Record<string, string> }) => {
          if (onWire && e.dir === "in" && e.tag === "message" && e.attrs.to?.endsWith("@g.us") && e.attrs.id && wire.get(e.attrs.id) === 1) kill();
        };
        // One count per group message (its first member to decrypt it), not per member.
        const onMessage = (e: { groupId: string; message: { id: string; text: string } }) => {
          if (onWire || e.message.text !== tag || counted.has(e.message.id)) return;
          counted.add(e.message.id);
          kill();
        };
        sandbox.events.on("stanza", onFrame);
        sandbox.events.on("group-message", onMessage);
      });
      const job = await createGroupMediaJob({
        actor: { id: admin.id, role: "admin" },
        meta: { ip: "127.0.0.1" },
        device,
        groupJids: groups.map((g) => g.jid),
        message: { kind: "text", text: tag },
        pacing: { minMs: 0, maxMs: 0 },
        startAt: null,
        timezone: null,
      });
      await killed;
      expect(await first.exited).toBe("SIGKILL");
      const atKill = await db().jobItem.count({ where: { jobId: job.id, status: "sent" } });

      const killedAt = Date.now();
      const second = await startWorker(sandbox);
      const secondReady = Date.now();
      const status = await jobDone(job.id);
      const doneAt = Date.now();
      first = second;
      sandbox.events.off("stanza", onStanza);
      // Wait for every member to have the group's message (a lost one fails here with the trial's numbers below).
      const items = await db().jobItem.findMany({ where: { jobId: job.id }, include: { message: { select: { waMessageId: true } } } });
      for (const group of groups) {
        const id = items.find((i) => i.recipient === group.jid)?.message?.waMessageId;
        for (const phone of group.members) await sandbox.waitForGroupMessage(phone, (m) => m.id === id && m.decrypted, 30_000).catch(() => null);
      }

      // What each member's phone shows: messages keyed by id (a same-id resend shows once), decrypted, with the text.
      let dup = 0;
      let lost = 0;
      for (const group of groups) {
        for (const phone of group.members) {
          const shown = new Set(sandbox.groupMessages(phone, group.jid).filter((m) => m.decrypted && m.text === tag).map((m) => m.id));
          dup += Math.max(0, shown.size - 1);
          if (shown.size === 0) lost += 1;
        }
      }
      const resends = [...wire.values()].reduce((n, c) => n + (c - 1), 0);
      duplicates += dup;
      losses += lost;
      sameIdResends += resends;
      console.info(
        `[GROUP][SIGKILL] trial ${trial + 1}: killed after ${killAfter} ${onWire ? "on the wire" : "at the phones"} (${atKill} recorded sent), job ${status}, duplicates=${dup}, losses=${lost}, same-id resends=${resends} (ms: to kill ${killedAt - firstReady}, restart ${secondReady - killedAt}, finish ${doneAt - secondReady})`,
      );
      expect(status).toBe("completed");
      const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
      expect({ completed: row.completed, failed: row.failed }).toEqual({ completed: GROUPS, failed: 0 });
      expect(await db().message.count({ where: { jobItem: { jobId: job.id } } }), "one Message row per group").toBe(GROUPS);
    }
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const members = groups.reduce((n, g) => n + g.members.length, 0);
    console.info(`[GROUP][SIGKILL] trials=${TRIALS}, group messages=${TRIALS * GROUPS}, member copies=${TRIALS * members}, duplicates=${duplicates}, losses=${losses}, same-id resends=${sameIdResends}`);
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
  });
});
