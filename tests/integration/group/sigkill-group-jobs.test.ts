import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { createGroupMediaJob } from "../../../src/server/services/groups/group-media-job";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";
import { jobSettled, startWorker } from "../jobs/sigkill-helpers";

const TRIALS = Number(process.env.GROUP_SIGKILL_TRIALS ?? 20);
const GROUPS = 4;

let sandbox: StartedSandbox;
let admin: TestUser;
let device: { id: number; deviceId: string; ownerId: number };
/** Each group's jid and its member phones besides the device's own account. */
const groups: Array<{ jid: string; members: string[] }> = [];

interface Stanza {
  dir: string;
  tag: string;
  attrs: Record<string, string>;
}

/** Resolves once `filed` holds, checked now and after every copy a phone files. */
function phonesFiled(filed: () => boolean, trial: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!filed()) return;
      clearTimeout(timer);
      sandbox.events.off("group-message", check);
      resolve();
    };
    const timer = setTimeout(() => {
      sandbox.events.off("group-message", check);
      reject(new Error(`${trial}: the member phones did not file a copy of every message that reached the sandbox`));
    }, timeoutMs);
    sandbox.events.on("group-message", check);
    check();
  });
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
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

describe("[GROUP][JOBS][SIGKILL] group jobs survive kill -9: every member reads every message exactly once", () => {
  it(`${TRIALS} trials of a ${GROUPS}-group job, killed at random points`, { timeout: 900_000 }, async () => {
    const startedAt = Date.now();
    let duplicates = 0;
    let losses = 0;
    let sameIdResends = 0;
    let lossyTrials = 0;
    let renewals = 0;
    const lossReasons: string[] = [];
    // Each trial's recovering worker is the next trial's victim: one worker start per trial.
    let victim = await startWorker(sandbox);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const tag = `g${trial}-${Date.now().toString(36)}`;
      // A random kill point: when the K-th group message reaches the sandbox's socket (sent, keys maybe not yet
      // committed) or when a member's phone has filed it (the worker is further down the pipeline).
      const killAfter = 1 + Math.floor(Math.random() * GROUPS);
      const onWire = Math.random() < 0.5;
      // How often each group message id reached the sandbox: every member phone files one copy per arrival.
      const wire = new Map<string, number>();
      const onStanza = (e: Stanza) => {
        if (e.dir === "in" && e.tag === "message" && e.attrs.to?.endsWith("@g.us") && e.attrs.id) wire.set(e.attrs.id, (wire.get(e.attrs.id) ?? 0) + 1);
      };
      sandbox.events.on("stanza", onStanza);

      let seen = 0;
      const counted = new Set<string>();
      const killed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`trial ${trial + 1}: only ${seen} of ${killAfter} messages arrived`)), 60_000);
        const kill = () => {
          seen += 1;
          if (seen < killAfter) return;
          victim.child.kill("SIGKILL");
          clearTimeout(timer);
          sandbox.events.off("stanza", onFrame);
          sandbox.events.off("group-message", onMessage);
          resolve();
        };
        const onFrame = (e: Stanza) => {
          if (onWire && e.dir === "in" && e.tag === "message" && e.attrs.to?.endsWith("@g.us") && e.attrs.id && wire.get(e.attrs.id) === 1) kill();
        };
        // The first copy a member filed of each of this trial's messages, read or not (an unreadable one counts too).
        const onMessage = (e: { message: { id: string } }) => {
          if (onWire || !wire.has(e.message.id) || counted.has(e.message.id)) return;
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
      expect(await victim.exited).toBe("SIGKILL");
      const atKill = await db().jobItem.count({ where: { jobId: job.id, status: "sent" } });

      const killedAt = Date.now();
      victim = await startWorker(sandbox);
      const restartMs = Date.now() - killedAt;
      const status = await jobSettled(job.id, 60_000);
      sandbox.events.off("stanza", onStanza);
      const items = await db().jobItem.findMany({ where: { jobId: job.id }, include: { message: { select: { waMessageId: true } } } });
      const idOf = (jid: string) => items.find((i) => i.recipient === jid)?.message?.waMessageId ?? "";
      // Every member phone has filed a copy (read or not) of each arrival of its group's message.
      const copies = (phone: string, jid: string) => sandbox.groupMessages(phone, jid).filter((m) => m.id === idOf(jid));
      await phonesFiled(() => groups.every((g) => g.members.every((phone) => copies(phone, g.jid).length >= (wire.get(idOf(g.jid)) ?? 1))), `trial ${trial + 1}`);

      // What each member's phone shows: messages keyed by id (a same-id resend shows once), read, with the text.
      let dup = 0;
      let lost = 0;
      for (const group of groups) {
        // A copy with a pairwise part carries a sender key: after the first trial, a renewal of the group's key.
        const withKey = group.members.flatMap((phone) => copies(phone, group.jid)).filter((m) => m.encryption.length > 1);
        if (trial > 0 && withKey.length) renewals += 1;
        for (const phone of group.members) {
          const filed = copies(phone, group.jid);
          const read = new Set(filed.filter((m) => m.decrypted && m.text === tag).map((m) => m.id));
          dup += Math.max(0, read.size - 1);
          if (read.size === 0) {
            lost += 1;
            lossReasons.push(`trial ${trial + 1} ${group.jid} ${phone}: ${filed.map((m) => m.error ?? "?").join(" | ")}`);
          }
        }
      }
      const resends = [...wire.values()].reduce((n, c) => n + (c - 1), 0);
      duplicates += dup;
      losses += lost;
      sameIdResends += resends;
      if (lost) lossyTrials += 1;
      console.info(
        `[GROUP][SIGKILL] trial ${trial + 1}: killed after ${killAfter} ${onWire ? "on the wire" : "at the phones"} (${atKill} recorded sent), job ${status}, duplicates=${dup}, losses=${lost}, same-id resends=${resends}, restart ${restartMs} ms`,
      );
      expect(status).toBe("completed");
      const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
      expect({ completed: row.completed, failed: row.failed }).toEqual({ completed: GROUPS, failed: 0 });
      expect(await db().message.count({ where: { jobItem: { jobId: job.id } } }), "one Message row per group").toBe(GROUPS);
    }
    victim.child.kill("SIGTERM");
    expect(await victim.exited).toBe(0);
    const members = groups.reduce((n, g) => n + g.members.length, 0);
    console.info(
      `[GROUP][SIGKILL] trials=${TRIALS}, group messages=${TRIALS * GROUPS}, member copies=${TRIALS * members}, duplicates=${duplicates}, losses=${losses} in ${lossyTrials} trials, same-id resends=${sameIdResends}, sender-key renewals=${renewals}, ${Math.round((Date.now() - startedAt) / 1000)} s\n${lossReasons.join("\n")}`,
    );
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
  });
});
