import { afterEach, describe, expect, it } from 'vitest';

import { createSandboxControlClient } from '@/sandbox/control-client';

import { startHarness, type Harness } from './helpers';

const SHOP = '15551230041';
const ALICE = '15557650041';
const NOBODY = '15557650049';
const DELIVERY_ACK = 3;
const READ = 4;

describe('sandbox phone conditions', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('reports a number marked not on WhatsApp as absent, creates nothing for it, and finds it again once cleared', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP, 'Shop');
    const control = createSandboxControlClient(h.sandbox.controlUrl);

    await control.markNotOnWhatsApp(NOBODY);
    expect(await control.notOnWhatsApp()).toEqual([NOBODY]);
    expect(await client.socket.onWhatsApp(`${NOBODY}@s.whatsapp.net`)).toEqual([]);
    expect(h.sandbox.account(NOBODY)).toBeUndefined();
    await expect(control.createAccount({ phone: NOBODY })).rejects.toMatchObject({ status: 409, message: `${NOBODY} is not on WhatsApp` });
    await expect(control.sendText(NOBODY, SHOP, 'hi')).rejects.toMatchObject({ status: 409 });

    // Any other unknown number is still created on the fly (the sandbox's default).
    expect(await client.socket.onWhatsApp(`${ALICE}@s.whatsapp.net`)).toEqual([{ jid: `${ALICE}@s.whatsapp.net`, exists: true }]);
    await expect(control.markNotOnWhatsApp(ALICE)).rejects.toMatchObject({ status: 409 });

    await control.clearNotOnWhatsApp(NOBODY);
    expect(await control.notOnWhatsApp()).toEqual([]);
    expect(await client.socket.onWhatsApp(`${NOBODY}@s.whatsapp.net`)).toEqual([{ jid: `${NOBODY}@s.whatsapp.net`, exists: true }]);
  });

  it('an offline phone holds messages without receipts, then takes them in order and acknowledges them when it comes online', async () => {
    h = await startHarness({ receipts: { mode: 'read', delayMs: 150 } });
    const client = await h.pairedClient(SHOP, 'Shop');
    const control = createSandboxControlClient(h.sandbox.controlUrl);
    await control.createAccount({ phone: ALICE, name: 'Alice' });
    await control.setOnline(ALICE, false);
    expect(await control.account(ALICE)).toMatchObject({ online: false, heldMessages: 0, receipts: 'read' });

    const held: string[] = [];
    const heldTwo = h.sandbox.events.waitFor('held', e => e.to === ALICE && held.push(e.id) === 2);
    const first = await client.sendText(ALICE, 'first while offline');
    const second = await client.sendText(ALICE, 'second while offline');
    await heldTwo;
    expect(h.sandbox.inbox(ALICE)).toEqual([]);
    expect(client.statuses.get(first)).toBeUndefined();
    await expect(control.sendText(ALICE, SHOP, 'from an offline phone')).rejects.toMatchObject({ status: 409 });

    await control.setOnline(ALICE, true);
    await client.waitForStatus(second, READ);
    await client.waitForStatus(first, READ);
    expect(h.sandbox.inbox(ALICE).map(m => m.text)).toEqual(['first while offline', 'second while offline']);
    expect(client.statuses.get(first)).toEqual([DELIVERY_ACK, READ]);
    expect(await control.account(ALICE)).toMatchObject({ online: true, heldMessages: 0 });
  });

  it('a phone that never reads acknowledges delivery only', async () => {
    h = await startHarness({ receipts: { mode: 'read', delayMs: 150 } });
    const client = await h.pairedClient(SHOP, 'Shop');
    const control = createSandboxControlClient(h.sandbox.controlUrl);
    await control.createAccount({ phone: ALICE });
    await control.setReceipts(ALICE, { mode: 'delivered' });
    expect(await control.account(ALICE)).toMatchObject({ receipts: 'delivered' });

    const unread = await client.sendText(ALICE, 'will never be read');
    await client.waitForStatus(unread, DELIVERY_ACK);
    // Barrier: receipts of equal delay fire in creation order on one ordered socket.
    const barrier = await client.sendText(ALICE, 'barrier');
    await client.waitForStatus(barrier, DELIVERY_ACK);
    expect(client.statuses.get(unread)).toEqual([DELIVERY_ACK]);
  });
});
