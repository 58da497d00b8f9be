import type { WAMessage } from 'baileys';
import { afterEach, describe, expect, it } from 'vitest';

import type { SandboxBaileysClient } from '@/sandbox/testing/baileys-client';

import { startHarness, type Harness } from './helpers';
import { makePng } from './media-fixtures';

const SHOP = '15551250001';
const BUDI = '15551250002';
const CITRA = '15551250003';
const DEWI = '15551250004';
const pn = (phone: string): string => `${phone}@s.whatsapp.net`;

const textOf = (m: WAMessage): string | null | undefined => m.message?.conversation ?? m.message?.extendedTextMessage?.text;

type ReceiptUpdate = { key: { id?: string | null }; receipt: { userJid?: string | null; readTimestamp?: unknown } };

const receiptUpdate = (client: SandboxBaileysClient, match: (u: ReceiptUpdate) => boolean): Promise<ReceiptUpdate> =>
  new Promise(resolve => {
    const listener = (updates: ReceiptUpdate[]): void => {
      const found = updates.find(match);
      if (found) {
        client.socket.ev.off('message-receipt.update', listener);
        resolve(found);
      }
    };
    client.socket.ev.on('message-receipt.update', listener);
  });

describe('sandbox groups: sender-key messages', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  const sendToGroup = async (client: SandboxBaileysClient, groupId: string, text: string, mentions?: string[]): Promise<string> => {
    const sent = await client.socket.sendMessage(groupId, { text, ...(mentions ? { mentions } : {}) });
    if (!sent?.key.id) throw new Error('no message id');
    return sent.key.id;
  };

  it('fans a device message out: the SKDM once per device, then skmsg only; every member phone decrypts; receipts come back', async () => {
    h = await startHarness({ receipts: { mode: 'read', delayMs: 150 } });
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Pelanggan', [pn(BUDI), pn(CITRA)]);
    const budiLid = h.sandbox.account(BUDI)!.lidJid;
    const read = receiptUpdate(shop, u => u.receipt.userJid === budiLid && u.receipt.readTimestamp !== undefined);

    const first = await sendToGroup(shop, group.id, 'halo semua');
    const atBudi = await h.sandbox.waitForGroupMessage(BUDI, m => m.id === first);
    expect(atBudi).toMatchObject({
      groupId: group.id,
      from: SHOP,
      fromDevice: `${h.sandbox.account(SHOP)!.lid}:1@lid`,
      fromMe: false,
      decrypted: true,
      text: 'halo semua',
      encryption: ['pkmsg', 'skmsg'],
      member: true,
    });
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === first)).toMatchObject({ decrypted: true, text: 'halo semua' });
    // The account's own phone is a member too and reads its device's message.
    expect(await h.sandbox.waitForGroupMessage(SHOP, m => m.id === first)).toMatchObject({ decrypted: true, text: 'halo semua' });
    expect(await read).toMatchObject({ key: { id: first } });

    const second = await sendToGroup(shop, group.id, 'pesan kedua');
    expect(await h.sandbox.waitForGroupMessage(BUDI, m => m.id === second)).toMatchObject({ decrypted: true, encryption: ['skmsg'] });
    expect(h.decryptErrors).toEqual([]);
  });

  it('delivers a phone group message to the device with the sender, then skmsg-only follow-ups; other phones read it too', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    h.sandbox.createAccount({ phone: BUDI, name: 'Budi' });
    const group = h.sandbox.createGroup(BUDI, 'Dari Budi', [SHOP, CITRA]);

    const id = await h.sandbox.sendGroupText(BUDI, group.id, 'halo toko');
    const received = await shop.waitForMessage(m => m.key.id === id);
    const budi = h.sandbox.account(BUDI)!;
    expect(received.key).toMatchObject({ remoteJid: group.id, fromMe: false, participant: budi.lidJid, participantAlt: pn(BUDI) });
    expect(received.pushName).toBe('Budi');
    expect(textOf(received)).toBe('halo toko');
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === id)).toMatchObject({ decrypted: true, text: 'halo toko', from: BUDI });
    expect(h.sandbox.groupMessages(BUDI, group.id)).toMatchObject([{ id, fromMe: true, text: 'halo toko' }]);

    const next = await h.sandbox.sendGroupText(BUDI, group.id, 'masih buka?');
    expect(textOf(await shop.waitForMessage(m => m.key.id === next))).toBe('masih buka?');
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === next)).toMatchObject({ encryption: ['skmsg'], decrypted: true });

    // The device answers in the group; Budi reads it.
    const answer = await sendToGroup(shop, group.id, 'buka sampai jam 9');
    expect(await h.sandbox.waitForGroupMessage(BUDI, m => m.id === answer)).toMatchObject({ decrypted: true, text: 'buka sampai jam 9' });
    expect(h.decryptErrors).toEqual([]);
  });

  it('carries mentions both ways', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Sebut', [pn(BUDI), pn(CITRA)]);

    const id = await sendToGroup(shop, group.id, `@${BUDI} pesanan siap`, [pn(BUDI)]);
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === id)).toMatchObject({ text: `@${BUDI} pesanan siap`, mentions: [pn(BUDI)] });

    const back = await h.sandbox.sendGroupText(BUDI, group.id, `@${SHOP} terima kasih`, { mentions: [SHOP] });
    const received = await shop.waitForMessage(m => m.key.id === back);
    expect(received.message?.extendedTextMessage).toMatchObject({
      text: `@${SHOP} terima kasih`,
      contextInfo: { mentionedJid: [h.sandbox.account(SHOP)!.lidJid] },
    });
  });

  it('gives a member added later the sender key with the next message', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Tumbuh', [pn(BUDI)]);
    const before = await sendToGroup(shop, group.id, 'sebelum Dewi');
    await h.sandbox.waitForGroupMessage(BUDI, m => m.id === before);

    await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI)], 'add');
    const welcome = await sendToGroup(shop, group.id, 'selamat datang Dewi');
    expect(await h.sandbox.waitForGroupMessage(DEWI, m => m.id === welcome)).toMatchObject({ decrypted: true, encryption: ['pkmsg', 'skmsg'] });
    expect(await h.sandbox.waitForGroupMessage(BUDI, m => m.id === welcome)).toMatchObject({ decrypted: true, encryption: ['skmsg'] });
    expect(h.sandbox.groupMessages(DEWI).map(m => m.id)).toEqual([welcome]);
  });

  it('carries group messages between two linked Baileys devices, with receipts forwarded to the sender', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const budiDevice = await h.pairedClient(BUDI, 'Budi');
    const group = await shop.socket.groupCreate('Dua perangkat', [pn(BUDI), pn(CITRA)]);
    const budiLid = h.sandbox.account(BUDI)!.lidJid;
    const delivered = receiptUpdate(shop, u => u.receipt.userJid === budiLid);

    const id = await sendToGroup(shop, group.id, 'ke perangkat Budi');
    const atBudi = await budiDevice.waitForMessage(m => m.key.id === id);
    expect(textOf(atBudi)).toBe('ke perangkat Budi');
    // Baileys names the sender by its user LID (the device is dropped).
    expect(atBudi.key).toMatchObject({ remoteJid: group.id, participant: h.sandbox.account(SHOP)!.lidJid, participantAlt: pn(SHOP) });
    expect(await delivered).toMatchObject({ key: { id } });
    // Budi's phone (device 0) is a member too and reads it.
    expect(await h.sandbox.waitForGroupMessage(BUDI, m => m.id === id)).toMatchObject({ decrypted: true });

    const reply = await sendToGroup(budiDevice, group.id, 'dibalas dari perangkat');
    expect(textOf(await shop.waitForMessage(m => m.key.id === reply))).toBe('dibalas dari perangkat');
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === reply)).toMatchObject({ decrypted: true, from: BUDI });
  });

  it('sends media to a group both ways, verified end to end', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Foto', [pn(BUDI)]);
    const png = makePng(8, 8);

    const sent = await shop.socket.sendMessage(group.id, { image: png, mimetype: 'image/png', caption: 'katalog' });
    const atBudi = await h.sandbox.waitForGroupMessage(BUDI, m => m.id === sent?.key.id);
    expect(atBudi).toMatchObject({ decrypted: true, text: 'katalog', media: { kind: 'image', mimetype: 'image/png', size: png.length } });
    expect(atBudi.media?.error).toBeUndefined();
    expect(h.sandbox.inboxMedia(BUDI, atBudi.id)).toEqual(png);

    const back = await h.sandbox.sendGroupMedia(BUDI, group.id, { kind: 'image', data: png, mimetype: 'image/png', caption: 'bukti' });
    const received = await shop.waitForMessage(m => m.key.id === back);
    expect(received.message?.imageMessage?.caption).toBe('bukti');
    expect(await shop.download(received)).toEqual(png);
  });
});

describe('sandbox groups: a removed member and the sender key (WA-PROTOCOL G2)', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('a listener that is no longer a member gets only the skmsg; it could read it only with a key it still holds', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = h.sandbox.createGroup(BUDI, 'Keluarga', [SHOP, CITRA, DEWI]);
    const before = await h.sandbox.sendGroupText(BUDI, group.id, 'sebelum');
    await h.sandbox.waitForGroupMessage(DEWI, m => m.id === before);
    await shop.waitForMessage(m => m.key.id === before);

    h.sandbox.listenToGroup(DEWI, group.id, true);
    h.sandbox.updateGroupParticipants(BUDI, group.id, 'remove', [DEWI]);
    // Phones start a new sender key when a member leaves (the WhatsApp whitepaper's rule): Dewi cannot read this.
    const after = await h.sandbox.sendGroupText(BUDI, group.id, 'sesudah');
    expect(await h.sandbox.waitForGroupMessage(DEWI, m => m.id === after)).toMatchObject({
      decrypted: false,
      member: false,
      encryption: ['skmsg'],
      text: '',
    });
    expect(h.sandbox.groupMessages(DEWI, group.id).find(m => m.id === after)?.error).toBeTruthy();
    // The members still read it: the device through the new distribution message.
    expect(textOf(await shop.waitForMessage(m => m.key.id === after))).toBe('sesudah');
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === after)).toMatchObject({ decrypted: true, encryption: ['pkmsg', 'skmsg'] });
  });

  it('documents the Baileys 7.0.0-rc14 issue: after a removal its next send reuses the old sender key, so the removed phone CAN decrypt it', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Bocor', [pn(BUDI), pn(CITRA), pn(DEWI)]);
    const before = await shop.socket.sendMessage(group.id, { text: 'sebelum' });
    await h.sandbox.waitForGroupMessage(DEWI, m => m.id === before?.key.id);

    h.sandbox.listenToGroup(DEWI, group.id, true);
    await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI)], 'remove');
    const after = await shop.socket.sendMessage(group.id, { text: 'rahasia sesudah Dewi keluar' });

    // No new distribution: Baileys only sends the skmsg, under the chain Dewi already holds.
    const atBudi = await h.sandbox.waitForGroupMessage(BUDI, m => m.id === after?.key.id);
    expect(atBudi).toMatchObject({ decrypted: true, encryption: ['skmsg'] });
    const atDewi = await h.sandbox.waitForGroupMessage(DEWI, m => m.id === after?.key.id);
    expect(atDewi).toMatchObject({ member: false, decrypted: true, text: 'rahasia sesudah Dewi keluar' });
  });

  it('tells the fix apart: with a fresh sender key after the removal, the removed phone cannot decrypt while the others can', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Aman', [pn(BUDI), pn(CITRA), pn(DEWI)]);
    const before = await shop.socket.sendMessage(group.id, { text: 'sebelum' });
    await h.sandbox.waitForGroupMessage(DEWI, m => m.id === before?.key.id);

    h.sandbox.listenToGroup(DEWI, group.id, true);
    await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI)], 'remove');
    // What the product does after a removal: forget the device's own sender key for the group and whom it was
    // given to, so the next send starts a new chain and distributes it to the remaining members only.
    const address = shop.socket.signalRepository.jidToSignalProtocolAddress(shop.socket.authState.creds.me!.lid!);
    const dot = address.lastIndexOf('.');
    const senderKeyName = `${group.id}::${address.slice(0, dot)}::${address.slice(dot + 1)}`;
    await shop.auth.keys.set({ 'sender-key': { [senderKeyName]: null }, 'sender-key-memory': { [group.id]: null } });
    const after = await shop.socket.sendMessage(group.id, { text: 'rahasia sesudah Dewi keluar' });

    expect(await h.sandbox.waitForGroupMessage(BUDI, m => m.id === after?.key.id)).toMatchObject({
      decrypted: true,
      // A new distribution came with it (a pkmsg still: Budi never answered the device one to one).
      encryption: ['pkmsg', 'skmsg'],
    });
    expect(await h.sandbox.waitForGroupMessage(CITRA, m => m.id === after?.key.id)).toMatchObject({ decrypted: true });
    const atDewi = await h.sandbox.waitForGroupMessage(DEWI, m => m.id === after?.key.id);
    expect(atDewi).toMatchObject({ member: false, decrypted: false, text: '' });
  });
});
