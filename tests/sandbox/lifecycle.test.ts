import { afterEach, describe, expect, it } from 'vitest';

import { CloseCode } from '@/sandbox/testing/baileys-client';

import { startHarness, type Harness } from './helpers';

const SHOP = '15551230003';
const ALICE = '15557650021';

describe('sandbox connection lifecycle', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('server-forced logout closes with 401 and unlinks the device; its creds no longer log in', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const closed = client.waitForClose();
    h.sandbox.logout(SHOP);
    expect((await closed).statusCode).toBe(CloseCode.loggedOut);
    expect(h.sandbox.linkedDevices(SHOP)).toEqual([]);

    const again = h.client({ auth: client.auth });
    const refused = again.waitForClose();
    again.connect();
    expect((await refused).statusCode).toBe(CloseCode.loggedOut);
  });

  it('ban closes the current socket with 403, refuses the next login with 403, and unban restores it', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const closed = client.waitForClose();
    h.sandbox.ban(SHOP);
    expect((await closed).statusCode).toBe(CloseCode.forbidden);

    const next = h.client({ auth: client.auth });
    const refused = next.waitForClose();
    next.connect();
    expect((await refused).statusCode).toBe(CloseCode.forbidden);
    expect(h.sandbox.account(SHOP)?.banned).toBe(true);

    h.sandbox.unban(SHOP);
    const open = next.waitForOpen();
    next.connect();
    await open;
  });

  it('a dropped connection closes as connectionClosed and a reconnect resumes messaging', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const closed = client.waitForClose();
    h.sandbox.dropConnection(SHOP);
    const { statusCode } = await closed;
    expect([CloseCode.connectionClosed, CloseCode.connectionLost]).toContain(statusCode);
    expect(h.sandbox.linkedDevices(SHOP)).toEqual([expect.objectContaining({ connected: false })]);

    const open = client.waitForOpen();
    client.connect();
    await open;
    expect(h.sandbox.linkedDevices(SHOP)).toEqual([expect.objectContaining({ connected: true })]);
    const id = await client.sendText(ALICE, 'back online');
    await h.sandbox.waitForInbox(ALICE, m => m.id === id);
    await client.waitForStatus(id, 3);
  });

  it('client-initiated logout removes the companion', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const closed = client.waitForClose();
    const gone = h.sandbox.events.waitFor('connection', e => e.state === 'closed' && e.phone === SHOP);
    await client.socket.logout();
    expect((await closed).statusCode).toBe(CloseCode.loggedOut);
    await gone;
    expect(h.sandbox.linkedDevices(SHOP)).toEqual([]);
  });

  it('a second login with the same creds replaces the first connection (440)', async () => {
    h = await startHarness();
    const first = await h.pairedClient(SHOP);
    const replaced = first.waitForClose();
    const second = h.client({ auth: first.auth });
    const open = second.waitForOpen();
    second.connect();
    await open;
    expect((await replaced).statusCode).toBe(CloseCode.replaced);
  });
});
