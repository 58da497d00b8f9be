import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox, StanzaLogEntry } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { watchOutbox } from "../../../src/server/services/work/outbox-watch";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
import { startTestRunner } from "../scheduled/helpers";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { waitUntil } from "../../helpers/wait-until";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForStatus } from "../../helpers/whatsapp";

/**
 * Delivery truth under connection faults (issue 16): a batch of sends while the WhatsApp side drops the connection
 * at a random point, or stops answering and then closes. Every trial counts what the contact's phone received:
 * nothing lost, nothing shown twice, and every stored status matches the phone (read ⇒ on the phone exactly once,
 * failed ⇒ not on the phone).
 */
const BATCH = 8;
const DROP_TRIALS = 10;
const FREEZE_TRIALS = 6;
const SCHEDULED_TRIALS = 4;
const RESTART_TRIALS = 3;
const RECEIPTS = { mode: "read", delayMs: 30 } as const;
/** Each trial's waits are bounded on their own; a whole series on a loaded 2-core machine needs more than the default. */
const SERIES_TIMEOUT_MS = 240_000;

let sandbox: StartedSandbox;
// Persistent (opted in): the restart trials bring the same WhatsApp back with its accounts and keys.
const stateDir = mkdtempSync(path.join(tmpdir(), "sb-delivery-"));
const stateFile = path.join(stateDir, "state.json");
let manager: ConnectionManager | undefined;
let stopOutbox: (() => void) | undefined;
let me: Caller;
let ownerId: number;
let phone: string;
let device: { id: number; deviceId: string; ownerId: number };

beforeAll(async () => {
  sandbox = await startTestSandbox({ receipts: RECEIPTS, stateFile });
  await resetDb();
  // Many drops in a row: the reconnect budget must not run out inside the test.
  manager = startTestManager(sandbox, { backoff: { maxAttempts: 1000, maxMs: 100 } });
  stopOutbox = watchOutbox();
  const admin = await createUser("admin");
  const owner = await createUser("user", { dailyMessageLimit: 100_000 });
  me = await callerFor(owner);
  ownerId = owner.id;
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Faults" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  phone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, phone);
});
afterAll(async () => {
  stopOutbox?.();
  await stopTestManager(manager);
  await sandbox?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Stops the sandbox (as a process restart would) and starts it again from its state file on the same port. */
async function restartSandbox(): Promise<void> {
  const { port } = sandbox;
  await sandbox.close();
  sandbox = await startTestSandbox({ receipts: RECEIPTS, stateFile, port });
}

function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

async function ensureConnected(): Promise<void> {
  if (manager?.isConnected(device.deviceId)) return;
  await waitForStatus(device.deviceId, "connected", eventBus().lastId - 50, 30_000).catch(async () => {
    await waitUntil(async () => manager?.isConnected(device.deviceId), { timeoutMs: 30_000 });
  });
}

/** Calls `fault` when the `k`-th message of this trial reaches the WhatsApp side (see FaultPoint). */
type FaultPoint = "on-arrival" | "after-ack";

function armFault(contact: string, k: number, point: FaultPoint, fault: () => void): () => void {
  let seen = 0;
  const listener = (entry: StanzaLogEntry) => {
    // The device's message is addressed `to` the contact; WhatsApp's ack of it comes `from` the contact.
    const ours = (entry.tag === "message" ? entry.attrs.to : entry.attrs.from)?.startsWith(contact) ?? false;
    if (!ours) return;
    if (point === "on-arrival" && entry.dir === "in" && entry.tag === "message" && ++seen === k) fault();
    // After the ack left: a message WhatsApp accepted, with the connection gone before anything else.
    if (point === "after-ack" && entry.dir === "out" && entry.tag === "ack" && ++seen === k) setImmediate(fault);
  };
  sandbox.events.on("stanza", listener);
  return () => sandbox.events.off("stanza", listener);
}

interface TrialOutcome {
  stored: number;
  refused: number;
  lost: number;
  duplicates: number;
  mismatched: string[];
}

/** Waits until every stored message of the trial is final (read, or failed), then compares it with the phone. */
async function settleAndCount(contact: string, texts: string[], refused: number): Promise<TrialOutcome> {
  const chatJid = `${contact}@s.whatsapp.net`;
  const rows = () => db().message.findMany({ where: { deviceId: device.id, chatJid, direction: "outgoing" }, select: { waMessageId: true, content: true, status: true, error: true } });
  await waitUntil(
    async () => {
      const stored = await rows();
      return stored.every((r) => r.status === "read" || r.status === "failed");
    },
    {
      sandbox,
      timeoutMs: 45_000,
      explain: async () =>
        `rows: ${JSON.stringify((await rows()).map((r) => [r.content, r.status, r.error]))}; phone has: ${JSON.stringify(sandbox.inbox(contact).map((m) => m.text))}`,
    },
  );
  const stored = await rows();
  // A send refused before anything was stored leaves no row; one whose connection dropped before the write leaves a
  // failed row (with the reason) and is refused too.
  expect(stored.length).toBeGreaterThanOrEqual(texts.length - refused);
  const inbox = sandbox.inbox(contact).filter((m) => m.from === phone);
  const mismatched: string[] = [];
  let lost = 0;
  for (const row of stored) {
    const copies = inbox.filter((m) => m.text === row.content);
    if (row.status === "failed") {
      if (copies.length > 0) mismatched.push(`${row.content}: failed (${row.error}) but on the phone`);
      continue;
    }
    if (copies.length === 0) lost += 1;
    else if (copies[0]?.id !== row.waMessageId) mismatched.push(`${row.content}: phone id ${copies[0]?.id} ≠ stored ${row.waMessageId}`);
  }
  const storedTexts = new Set(stored.map((r) => r.content));
  for (const message of inbox) {
    if (!storedTexts.has(message.text)) mismatched.push(`${message.text}: on the phone without a stored row`);
  }
  const duplicates = texts.reduce((n, text) => n + Math.max(0, inbox.filter((m) => m.text === text).length - 1), 0);
  return { stored: stored.length, refused, lost, duplicates, mismatched };
}

async function runTrial(label: string, fault: (contact: string) => () => void, afterStored?: (contact: string) => Promise<void>): Promise<TrialOutcome> {
  await ensureConnected();
  const contact = uniquePhone();
  sandbox.createAccount({ phone: contact, name: `Kontak ${label}` });
  const texts = Array.from({ length: BATCH }, (_, i) => `${label} pesan ${i + 1}`);
  const disarm = fault(contact);
  try {
    const sends = Promise.allSettled(texts.map((text) => me.message.sendText({ deviceId: device.deviceId, to: contact, text })));
    if (afterStored) await afterStored(contact);
    const results = await sends;
    const refused = results.filter((r) => r.status === "rejected").length;
    for (const result of results) {
      // The only acceptable refusal: the device was offline when the send was asked for (nothing stored).
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    }
    return await settleAndCount(contact, texts, refused);
  } finally {
    disarm();
  }
}

describe("[DELIVERY][FAULTS]", () => {
  it(`abrupt drops at random points of a batch (${DROP_TRIALS} trials × ${BATCH}): none lost, none twice, statuses match the phone`, async () => {
    const outcomes: TrialOutcome[] = [];
    for (let trial = 1; trial <= DROP_TRIALS; trial += 1) {
      const k = randomInt(1, BATCH);
      const point: FaultPoint = trial % 2 === 0 ? "after-ack" : "on-arrival";
      outcomes.push(await runTrial(`drop${trial}`, (contact) => armFault(contact, k, point, () => sandbox.dropConnection(phone))));
    }
    const total = outcomes.reduce((n, o) => n + o.stored, 0);
    expect(total).toBeGreaterThan(DROP_TRIALS * 2);
    expect(outcomes.map((o) => o.mismatched).flat()).toEqual([]);
    expect({ lost: outcomes.reduce((n, o) => n + o.lost, 0), duplicates: outcomes.reduce((n, o) => n + o.duplicates, 0) }).toEqual({ lost: 0, duplicates: 0 });
  }, SERIES_TIMEOUT_MS);

  it(`a WhatsApp side that stops answering, then closes (${FREEZE_TRIALS} trials × ${BATCH}): none lost, none twice`, async () => {
    const outcomes: TrialOutcome[] = [];
    for (let trial = 1; trial <= FREEZE_TRIALS; trial += 1) {
      const k = randomInt(1, BATCH - 1);
      outcomes.push(
        await runTrial(
          `freeze${trial}`,
          (contact) => armFault(contact, k, "on-arrival", () => sandbox.freezeConnection(phone)),
          async (contact) => {
            // Every message of the batch is stored and handed to the frozen socket before the far end goes away.
            const chatJid = `${contact}@s.whatsapp.net`;
            await waitUntil(async () => (await db().message.count({ where: { deviceId: device.id, chatJid } })) === BATCH, { sandbox, timeoutMs: 30_000 });
            sandbox.dropConnection(phone);
          },
        ),
      );
    }
    // Frozen: nothing is refused (the device looks connected) and everything after the freeze must be resent.
    expect(outcomes.reduce((n, o) => n + o.stored, 0)).toBe(FREEZE_TRIALS * BATCH);
    expect(outcomes.map((o) => o.mismatched).flat()).toEqual([]);
    expect({ lost: outcomes.reduce((n, o) => n + o.lost, 0), duplicates: outcomes.reduce((n, o) => n + o.duplicates, 0) }).toEqual({ lost: 0, duplicates: 0 });
  }, SERIES_TIMEOUT_MS);

  it(`scheduled messages through the runner with drops at random points (${SCHEDULED_TRIALS} trials × ${BATCH}): each sent once`, async () => {
    let runner: WorkRunner | undefined;
    try {
      runner = startTestRunner();
      let lost = 0;
      let duplicates = 0;
      const mismatched: string[] = [];
      for (let trial = 1; trial <= SCHEDULED_TRIALS; trial += 1) {
        await ensureConnected();
        const contact = uniquePhone();
        sandbox.createAccount({ phone: contact, name: `Jadwal ${trial}` });
        const texts = Array.from({ length: BATCH }, (_, i) => `jadwal${trial} pesan ${i + 1}`);
        const disarm = armFault(contact, randomInt(1, BATCH), trial % 2 === 0 ? "after-ack" : "on-arrival", () => sandbox.dropConnection(phone));
        try {
          const items = [];
          for (const text of texts) {
            items.push(await scheduleMessage({ actor: { id: ownerId, role: "user" }, meta: { ip: "127.0.0.1" }, device, to: `+${contact}`, text, at: new Date(), timezone: "UTC" }));
          }
          const ids = items.map((i) => i.id);
          runner.wake();
          await waitUntil(async () => (await db().scheduledMessage.count({ where: { id: { in: ids }, status: "sent" } })) === BATCH, {
            sandbox,
            timeoutMs: 45_000,
            explain: async () => JSON.stringify(await db().scheduledMessage.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, error: true } })),
          });
          const outcome = await settleAndCount(contact, texts, 0);
          lost += outcome.lost + (BATCH - outcome.stored);
          duplicates += outcome.duplicates;
          mismatched.push(...outcome.mismatched);
        } finally {
          disarm();
        }
      }
      expect(mismatched).toEqual([]);
      expect({ lost, duplicates }).toEqual({ lost: 0, duplicates: 0 });
    } finally {
      await runner?.stop();
    }
  }, SERIES_TIMEOUT_MS);

  it(`a sandbox restart mid-batch (${RESTART_TRIALS} trials × ${BATCH}): the device stays linked, none lost, none twice`, async () => {
    const outcomes: TrialOutcome[] = [];
    for (let trial = 1; trial <= RESTART_TRIALS; trial += 1) {
      let restarted: Promise<void> | undefined;
      const k = randomInt(1, BATCH);
      outcomes.push(
        await runTrial(
          `restart${trial}`,
          (contact) => armFault(contact, k, trial % 2 === 0 ? "after-ack" : "on-arrival", () => (restarted ??= restartSandbox())),
          async () => {
            await waitUntil(async () => restarted !== undefined, { sandbox, timeoutMs: 30_000 });
            await restarted;
          },
        ),
      );
      // Same account, same linked device: no new pairing was needed.
      expect(sandbox.linkedDevices(phone)).toHaveLength(1);
    }
    expect(outcomes.map((o) => o.mismatched).flat()).toEqual([]);
    expect({ lost: outcomes.reduce((n, o) => n + o.lost, 0), duplicates: outcomes.reduce((n, o) => n + o.duplicates, 0) }).toEqual({ lost: 0, duplicates: 0 });
    expect(await db().device.findUniqueOrThrow({ where: { id: device.id }, select: { status: true } })).toEqual({ status: "connected" });
  }, SERIES_TIMEOUT_MS);
});
