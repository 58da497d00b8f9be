import { S_WHATSAPP_NET } from 'baileys';
import { afterEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from './helpers';

const SHOP = '15551230002';
const ALICE = '15557650011';
const BOB = '15557650012';
const DELIVERY_ACK = 3;
const READ = 4;

describe('sandbox messaging', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('delivers a device message decrypted to the contact, then DELIVERY_ACK and READ as separate updates', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP, 'Shop');
    const messageEvent = h.sandbox.events.waitFor('message', e => e.to === ALICE);

    const id = await client.sendText(ALICE, 'hello alice');

    const received = await h.sandbox.waitForInbox(ALICE, m => m.id === id);
    expect(received).toMatchObject({ id, from: SHOP, fromDevice: `${SHOP}:1@s.whatsapp.net`, text: 'hello alice' });
    expect(await messageEvent).toMatchObject({ id, from: SHOP, to: ALICE, text: 'hello alice' });
    await client.waitForStatus(id, READ);
    expect(client.statuses.get(id)).toEqual([DELIVERY_ACK, READ]);
    expect(h.decryptErrors).toEqual([]);
  });

  it('shows a resent message id once, like a phone, and acknowledges the resend again', async () => {
    h = await startHarness({ receipts: { mode: 'delivered', delayMs: 150 } });
    const client = await h.pairedClient(SHOP, 'Shop');
    const id = await client.sendText(ALICE, 'once only');
    await client.waitForStatus(id, DELIVERY_ACK);
    const wireCopies: string[] = [];
    h.sandbox.events.on('stanza', e => {
      if (e.dir === 'in' && e.tag === 'message' && e.attrs.id === id) wireCopies.push(e.attrs.id);
    });
    const receipts: string[][] = [];
    h.sandbox.events.on('receipt', e => {
      if (e.direction === 'to-device' && e.ids.includes(id)) receipts.push(e.ids);
    });
    const resendAck = h.sandbox.events.waitFor('receipt', e => e.direction === 'to-device' && e.ids.includes(id));
    const resent = await client.socket.sendMessage(`${ALICE}@s.whatsapp.net`, { text: 'once only' }, { messageId: id });
    expect(resent?.key.id).toBe(id);
    // Barrier: the contact handles a device's messages in order, so once this one is in, the resend was processed.
    const barrier = await client.sendText(ALICE, 'barrier');
    await h.sandbox.waitForInbox(ALICE, m => m.id === barrier);
    await resendAck;

    expect(wireCopies).toEqual([id]);
    expect(receipts).toEqual([[id]]);
    expect(h.sandbox.inbox(ALICE).map(m => m.text)).toEqual(['once only', 'barrier']);
    expect(h.decryptErrors).toEqual([]);
  });

  it('honours per-contact receipt modes: delivered only, and none', async () => {
    h = await startHarness({ receipts: { mode: 'read', delayMs: 150 } });
    const client = await h.pairedClient(SHOP);
    h.sandbox.setReceipts(ALICE, { mode: 'delivered', delayMs: 150 });
    h.sandbox.setReceipts(BOB, { mode: 'none', delayMs: 150 });

    const toBob = await client.sendText(BOB, 'no receipts please');
    const toAlice = await client.sendText(ALICE, 'delivery only');
    await client.waitForStatus(toAlice, DELIVERY_ACK);
    // Barrier: receipts are timers of equal delay fired in creation order, and a device socket is
    // ordered, so a later message's delivery arrives after anything scheduled for earlier ones.
    const barrier = await client.sendText(ALICE, 'barrier');
    await client.waitForStatus(barrier, DELIVERY_ACK);

    expect(client.statuses.get(toAlice)).toEqual([DELIVERY_ACK]);
    expect(client.statuses.get(toBob)).toBeUndefined();
    expect(h.sandbox.inbox(BOB).map(m => m.text)).toEqual(['no receipts please']);
  });

  it('delivers a contact first message (pkmsg) with push name and LID, then follow-ups', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const alice = h.sandbox.createAccount({ phone: ALICE, name: 'Alice' });

    const first = await h.sandbox.sendText(ALICE, SHOP, 'hi shop');
    const upsert = await client.waitForMessage(m => m.key.id === first);
    expect(upsert.message?.conversation).toBe('hi shop');
    expect(upsert.pushName).toBe('Alice');
    expect(upsert.key).toMatchObject({ remoteJid: `${ALICE}@s.whatsapp.net`, remoteJidAlt: alice.lidJid, fromMe: false });

    const second = await h.sandbox.sendText(ALICE, SHOP, 'still there?');
    expect((await client.waitForMessage(m => m.key.id === second)).message?.conversation).toBe('still there?');

    // Signal keeps sending PreKeyWhisperMessages until the peer has answered once.
    expect(h.sandbox.outbox(ALICE).map(m => m.encryption)).toEqual([['pkmsg'], ['pkmsg']]);
    const reply = await client.sendText(ALICE, 'yes');
    await h.sandbox.waitForInbox(ALICE, m => m.id === reply);
    const third = await h.sandbox.sendText(ALICE, SHOP, 'great');
    expect((await client.waitForMessage(m => m.key.id === third)).message?.conversation).toBe('great');
    expect(h.sandbox.outbox(ALICE).at(-1)?.encryption).toEqual(['msg']);
    // Baileys acknowledges each with a receipt (type=inactive because markOnlineOnConnect is off).
    const allAcknowledged = (): boolean => h.sandbox.outbox(ALICE).every(m => m.receipts.includes('inactive'));
    if (!allAcknowledged()) {
      await h.sandbox.events.waitFor('receipt', allAcknowledged);
    }
  });

  it('carries a conversation both ways after a contact wrote first', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const hello = await h.sandbox.sendText(BOB, SHOP, 'question');
    await client.waitForMessage(m => m.key.id === hello);
    const answer = await client.sendText(BOB, 'answer');
    expect((await h.sandbox.waitForInbox(BOB, m => m.id === answer)).text).toBe('answer');
    const thanks = await h.sandbox.sendText(BOB, SHOP, 'thanks');
    expect((await client.waitForMessage(m => m.key.id === thanks)).message?.conversation).toBe('thanks');
    await client.waitForStatus(answer, READ);
    expect(h.decryptErrors).toEqual([]);
  });

  it('queues contact messages for an offline device and delivers them before <offline>', async () => {
    h = await startHarness();
    const first = await h.pairedClient(SHOP);
    await first.end();
    const queued = await h.sandbox.sendText(ALICE, SHOP, 'while you were away');

    const again = h.client({ auth: first.auth });
    const open = again.waitForOpen();
    const arrived = again.events.waitFor('message', e => e.message.key.id === queued);
    again.connect();
    await open;
    const { message, type } = await arrived;
    expect(message.message?.conversation).toBe('while you were away');
    expect(type).toBe('append'); // offline-queued messages carry offline=1, as on WhatsApp
  });

  it('routes between two linked Baileys devices of different accounts', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const other = await h.pairedClient(ALICE, 'Alice');
    const textOf = (m: { message?: { conversation?: string | null; extendedTextMessage?: { text?: string | null } | null } | null }) =>
      m.message?.conversation ?? m.message?.extendedTextMessage?.text;

    const id = await shop.sendText(ALICE, 'device to device');
    expect(textOf(await other.waitForMessage(m => m.key.id === id))).toBe('device to device');
    const back = await other.sendText(SHOP, 'and back');
    expect(textOf(await shop.waitForMessage(m => m.key.id === back))).toBe('and back');
    // The recipient account's primary phone (a fake peer) got its copy too.
    expect(h.sandbox.inbox(ALICE).map(m => m.text)).toContain('device to device');
    expect(h.decryptErrors).toEqual([]);
  });

  it('answers unknown iqs with an empty result and reports them', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const reported = h.sandbox.events.waitFor('unhandled-iq');
    const result = await client.socket.query({
      tag: 'iq',
      attrs: { to: S_WHATSAPP_NET, type: 'get', xmlns: 'sandbox:unknown' },
      content: [{ tag: 'mystery', attrs: {} }],
    });
    expect(result.attrs.type).toBe('result');
    expect(await reported).toMatchObject({ phone: SHOP, xmlns: 'sandbox:unknown', type: 'get' });
  });

  it('produces a structured stanza log on demand', async () => {
    const entries: Array<{ dir: string; tag: string }> = [];
    h = await startHarness({ log: entry => entries.push({ dir: entry.dir, tag: entry.tag }) });
    await h.pairedClient(SHOP);
    expect(entries).toContainEqual({ dir: 'out', tag: 'success' });
    expect(entries).toContainEqual({ dir: 'in', tag: 'iq' });
  });
});
