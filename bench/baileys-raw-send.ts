/**
 * Raw Baileys send rate against the sandbox, no app in between.
 *   npx tsx bench/baileys-raw-send.ts [messages=500] [contacts=5]
 * One linked device sends N texts round-robin to a few contacts. Phase "burst": one `sendMessage`
 * after another without waiting for receipts (throughput; latency then includes queueing). Phase
 * "paced": the next message only after the previous one's delivery receipt (unloaded latency).
 * Latency is measured from the `sendMessage` call until Baileys' socket receives the delivery
 * receipt (`<receipt>` frame), with contacts acknowledging immediately (delayMs 0). Raw frames are
 * used because Baileys folds receipts arriving within ~100 ms into its buffered upsert instead of
 * emitting messages.update (WA-PROTOCOL P3), which would hide exactly what is measured here.
 */
import type { BinaryNode } from 'baileys';

import { installSandboxRoot, startSandbox } from '../src/sandbox/index';
import { SandboxBaileysClient } from '../src/sandbox/testing/baileys-client';

const messages = Number(process.argv[2] ?? 500);
const contactCount = Number(process.argv[3] ?? 5);
if (!Number.isInteger(messages) || messages <= 0 || !Number.isInteger(contactCount) || contactCount <= 0) {
  console.error('usage: tsx bench/baileys-raw-send.ts [messages>0] [contacts>0]');
  process.exit(2);
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const sandbox = await startSandbox({ receipts: { mode: 'delivered', delayMs: 0 } });
installSandboxRoot(sandbox.rootPublicKey);
const shop = sandbox.createAccount({ phone: '15550100001', name: 'Bench shop' });
const contacts = Array.from({ length: contactCount }, (_, i) => sandbox.createAccount({ phone: `1555020${(i + 1).toString().padStart(4, '0')}` }));
const client = new SandboxBaileysClient({ wsUrl: sandbox.wsUrl });
await client.pairWithQR(qr => sandbox.scanQR(qr, shop.phone));

const sentAt = new Map<string, number>();
let latencies: number[] = [];
let onDelivered: (id: string) => void = () => {};
client.socket.ws.on('CB:receipt', (node: BinaryNode) => {
  const id = node.attrs.id;
  const start = id ? sentAt.get(id) : undefined;
  if (!id || start === undefined || node.attrs.type !== undefined) return;
  sentAt.delete(id);
  latencies.push(performance.now() - start);
  onDelivered(id);
});

// Warm-up: one message per contact so device lookups and Signal sessions exist, as in steady state.
for (const contact of contacts) {
  const id = await client.sendText(contact.phone, 'warm-up');
  await sandbox.waitForInbox(contact.phone, m => m.id === id);
}

const send = async (i: number): Promise<string> => {
  const contact = contacts[i % contacts.length]!;
  const t0 = performance.now();
  const sent = await client.socket.sendMessage(contact.pnJid, { text: `bench message ${i}` });
  const id = sent?.key.id;
  if (!id) throw new Error('sendMessage returned no id');
  sentAt.set(id, t0);
  return id;
};

const guard = (phase: string) =>
  setTimeout(() => {
    console.error(`${phase}: only ${latencies.length}/${messages} delivery receipts after 120 s`);
    process.exit(1);
  }, 120_000);

const summarize = (sorted: number[]) => ({
  p50: +percentile(sorted, 50).toFixed(1),
  p95: +percentile(sorted, 95).toFixed(1),
  max: +(sorted.at(-1) ?? Number.NaN).toFixed(1),
});

// Phase 1: burst.
let timer = guard('burst');
const burstDone = new Promise<void>(resolve => {
  onDelivered = () => {
    if (latencies.length === messages) resolve();
  };
});
const started = performance.now();
let sendTotal = 0;
for (let i = 0; i < messages; i++) {
  const t0 = performance.now();
  await send(i);
  sendTotal += performance.now() - t0;
}
const sendDone = performance.now();
await burstDone;
const finished = performance.now();
clearTimeout(timer);
const burstLatencies = [...latencies].sort((a, b) => a - b);

// Phase 2: paced.
latencies = [];
timer = guard('paced');
const pacedStarted = performance.now();
for (let i = 0; i < messages; i++) {
  const delivered = new Promise<void>(resolve => {
    onDelivered = () => resolve();
  });
  await send(messages + i);
  await delivered;
}
const pacedFinished = performance.now();
clearTimeout(timer);
const pacedLatencies = [...latencies].sort((a, b) => a - b);

const received = contacts.reduce((sum, c) => sum + sandbox.inbox(c.phone).length - 1, 0);
console.log(
  JSON.stringify(
    {
      bench: 'baileys-raw-send',
      messagesPerPhase: messages,
      contacts: contactCount,
      receivedByContacts: received,
      burst: {
        sendMessageCallsPerSec: Math.round((messages / (sendDone - started)) * 1000),
        deliveredPerSec: Math.round((messages / (finished - started)) * 1000),
        meanSendMessageMs: +(sendTotal / messages).toFixed(2),
        deliveryAckLatencyMs: summarize(burstLatencies),
      },
      paced: {
        deliveredPerSec: Math.round((messages / (pacedFinished - pacedStarted)) * 1000),
        deliveryAckLatencyMs: summarize(pacedLatencies),
      },
      node: process.version,
    },
    null,
    2,
  ),
);
await client.end();
await sandbox.close();
// Baileys leaves a 30 s prekey-upload timer behind (WA-PROTOCOL P5): do not wait for it.
process.exit(0);
