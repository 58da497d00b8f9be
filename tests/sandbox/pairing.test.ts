import { afterEach, describe, expect, it } from 'vitest';

import type { StanzaLogEntry } from '@/sandbox';
import { CloseCode, type SandboxBaileysClient } from '@/sandbox/testing/baileys-client';

import { startHarness, type Harness } from './helpers';

const SHOP = '15551230001';

describe('sandbox pairing', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('pairs by QR: pair-success, 515 restart, login and open with PN and LID', async () => {
    h = await startHarness();
    h.sandbox.createAccount({ phone: SHOP, name: 'Shop' });
    const paired = h.sandbox.events.waitFor('paired');
    const client = h.client();
    const closes: Array<number | undefined> = [];
    client.events.on('close', c => closes.push(c.statusCode));

    const open = await client.pairWithQR(qr => h.sandbox.scanQR(qr, SHOP));

    expect(open.jid).toBe(`${SHOP}:1@s.whatsapp.net`);
    expect(open.lid).toMatch(/^\d+:1@lid$/);
    expect(closes).toEqual([CloseCode.restartRequired]);
    expect(await paired).toMatchObject({ phone: SHOP, method: 'qr', deviceJid: `${SHOP}:1@s.whatsapp.net` });
    expect(client.auth.creds.me?.id).toBe(`${SHOP}:1@s.whatsapp.net`);
    expect(client.auth.creds.platform).toBe('smbi');
    expect(h.sandbox.linkedDevices(SHOP)).toEqual([
      { jid: `${SHOP}:1@s.whatsapp.net`, lid: open.lid, connected: true },
    ]);
  });

  it('rotates QR refs and links with a later ref; ends with 408 once refs run out', async () => {
    h = await startHarness();
    h.sandbox.createAccount({ phone: SHOP });
    const client = h.client({ qrTimeout: 150 });
    const qrs: string[] = [];
    const secondQr = new Promise<string>(resolve => {
      client.events.on('qr', ({ qr }) => {
        qrs.push(qr);
        if (qrs.length === 2) resolve(qr);
      });
    });
    const open = client.waitForOpen();
    client.connect();
    const qr = await secondQr;
    const refOf = (value: string): string | undefined => value.split('#')[1]?.split(',')[0];
    expect(refOf(qrs[0] ?? '')).not.toBe(refOf(qr));
    await h.sandbox.scanQR(qr, SHOP);
    await open;

    // A companion that never gets scanned runs through all 6 refs and gives up.
    const idle = h.client({ qrTimeout: 50 });
    const closed = idle.waitForClose();
    idle.connect();
    expect(await closed).toMatchObject({ statusCode: 408, message: 'QR refs attempts ended' });
  });

  it('refuses a QR whose ref is unknown', async () => {
    h = await startHarness();
    await expect(h.sandbox.scanQR('https://wa.me/settings/linked_devices#2@nope,AAAA,BBBB,CCCC,1', SHOP)).rejects.toThrow(
      /noise and identity keys|unknown or expired/,
    );
  });

  it('pairs by pairing code (companion_hello, primary_hello, companion_finish) and opens', async () => {
    h = await startHarness();
    const client = h.client();
    const qr = client.waitForQR();
    const open = client.waitForOpen();
    client.connect();
    await qr; // the registration socket must be up before requesting a code (WA-PROTOCOL §6.4)
    const code = await client.socket.requestPairingCode(SHOP);
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    await h.sandbox.enterPairingCode(SHOP, code);
    expect((await open).jid).toBe(`${SHOP}:1@s.whatsapp.net`);

    // The message path works on a code-paired device too.
    const id = await client.sendText('15557650001', 'paired by code');
    await h.sandbox.waitForInbox('15557650001', m => m.id === id);
  });

  it('rejects a wrong pairing code on the phone side', async () => {
    h = await startHarness();
    const client = h.client();
    const qr = client.waitForQR();
    client.connect();
    await qr;
    const code = await client.socket.requestPairingCode(SHOP);
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    await expect(h.sandbox.enterPairingCode(SHOP, wrong)).rejects.toThrow(/pairing code mismatch/);
    expect(h.sandbox.linkedDevices(SHOP)).toEqual([]);
  });

  it('reconnects from saved credentials without a QR and without re-uploading prekeys', async () => {
    h = await startHarness();
    const first = await h.pairedClient(SHOP);
    await first.end();

    const inbound: StanzaLogEntry[] = [];
    h.sandbox.events.on('stanza', entry => {
      if (entry.dir === 'in') inbound.push(entry);
    });
    const again = h.client({ auth: first.auth });
    const qrs: string[] = [];
    again.events.on('qr', ({ qr }) => qrs.push(qr));
    const open = again.waitForOpen();
    const login = h.sandbox.events.waitFor('login', e => e.phone === SHOP);
    again.connect();
    await open;
    await login;

    expect(qrs).toEqual([]);
    const uploads = inbound.filter(e => e.tag === 'iq' && e.attrs.xmlns === 'encrypt' && e.attrs.type === 'set');
    expect(uploads).toEqual([]);
    expect(inbound.some(e => e.summary.endsWith('>count'))).toBe(true);
  });

  it('keeps Signal sessions across a reconnect (follow-up messages decrypt both ways)', async () => {
    h = await startHarness();
    const first = await h.pairedClient(SHOP);
    const id1 = await first.sendText('15557650002', 'before reconnect');
    await h.sandbox.waitForInbox('15557650002', m => m.id === id1);
    await first.end();

    const again: SandboxBaileysClient = h.client({ auth: first.auth });
    const open = again.waitForOpen();
    again.connect();
    await open;
    const id2 = await again.sendText('15557650002', 'after reconnect');
    expect((await h.sandbox.waitForInbox('15557650002', m => m.id === id2)).text).toBe('after reconnect');
    const back = await h.sandbox.sendText('15557650002', SHOP, 'welcome back');
    expect((await again.waitForMessage(m => m.key.id === back)).message?.conversation).toBe('welcome back');
    expect(h.decryptErrors).toEqual([]);
  });
});
