import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installSandboxRoot, startSandbox } from '@/sandbox';
import { createSandboxControlClient, SandboxControlError, type SandboxControlClient } from '@/sandbox/control-client';
import { CloseCode, SandboxBaileysClient } from '@/sandbox/testing/baileys-client';

const SHOP = '15551230006';
const ALICE = '15557650031';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `tsx src/sandbox/main.ts` on a random port and resolves with its announced URLs. */
const spawnSandboxProcess = async (): Promise<{ child: ChildProcess; controlUrl: string }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const event = JSON.parse(line) as { event: string; controlUrl?: string };
    if (event.event === 'sandbox-listening' && event.controlUrl) {
      return { child, controlUrl: event.controlUrl };
    }
  }
  throw new Error('sandbox process exited before listening');
};

describe('sandbox control API (separate process)', () => {
  let child: ChildProcess;
  let control: SandboxControlClient;
  let client: SandboxBaileysClient | undefined;

  beforeAll(async () => {
    const started = await spawnSandboxProcess();
    child = started.child;
    control = createSandboxControlClient(started.controlUrl);
  });

  afterAll(async () => {
    await client?.end();
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('drives pairing, messaging, receipts and logout end to end', async () => {
    const info = await control.info();
    expect(info.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/chat$/);
    installSandboxRoot(Buffer.from(info.rootPublicKey, 'base64'));

    const account = await control.createAccount({ phone: SHOP, name: 'Shop' });
    expect(account).toMatchObject({ phone: SHOP, name: 'Shop', pnJid: `${SHOP}@s.whatsapp.net` });
    expect(await control.account(SHOP)).toEqual(account);
    expect(await control.account('15559999999')).toBeUndefined();

    client = new SandboxBaileysClient({ wsUrl: info.wsUrl });
    await client.pairWithQR(qr => control.scanQR(qr, SHOP));
    expect(await control.linkedDevices(SHOP)).toEqual([expect.objectContaining({ jid: `${SHOP}:1@s.whatsapp.net`, connected: true })]);

    await control.setReceipts(ALICE, { mode: 'read', delayMs: 150 });
    const id = await client.sendText(ALICE, 'order #42 shipped');
    expect(await control.waitForInbox(ALICE, { text: 'order #42', timeoutMs: 10_000 })).toMatchObject({ id, from: SHOP });
    await client.waitForStatus(id, 4);

    const reply = await control.sendText(ALICE, SHOP, 'thanks!');
    expect((await client.waitForMessage(m => m.key.id === reply)).message?.conversation).toBe('thanks!');
    expect((await control.outbox(ALICE)).map(m => m.text)).toEqual(['thanks!']);
    expect((await control.inbox(ALICE)).map(m => m.text)).toEqual(['order #42 shipped']);

    const closed = client.waitForClose();
    await control.logout(SHOP);
    expect((await closed).statusCode).toBe(CloseCode.loggedOut);
    expect(await control.linkedDevices(SHOP)).toEqual([]);
  });

  it('rejects bad input with 400 and a clear message', async () => {
    const failure = await control.createAccount({ phone: '+1 555' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SandboxControlError);
    expect(failure).toMatchObject({ status: 400, message: expect.stringContaining('phone must be E.164 digits') });

    const badMode = await control.setReceipts(SHOP, { mode: 'sometimes' as 'read' }).catch((error: unknown) => error);
    expect(badMode).toMatchObject({ status: 400, message: expect.stringContaining('mode') });

    const noQr = await control.scanQR('not-a-qr', SHOP).catch((error: unknown) => error);
    expect(noQr).toMatchObject({ status: 409 });

    const { controlUrl } = await control.info();
    const raw = await fetch(`${controlUrl}/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: 'request body is not valid JSON' });
    // A body a cross-site HTML form could send is refused before it is read.
    const form = await fetch(`${controlUrl}/send`, { method: 'POST', body: '{nope' });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({ error: 'request body must be application/json' });
    expect((await fetch(`${controlUrl}/nothing-here`)).status).toBe(404);
  });

  it('stops gracefully on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});

describe('sandbox control API token', () => {
  it('requires the bearer token when one is configured', async () => {
    const sandbox = await startSandbox({ controlToken: 's3cret' });
    try {
      expect((await fetch(`${sandbox.controlUrl}/info`)).status).toBe(401);
      const authed = createSandboxControlClient(sandbox.controlUrl, { token: 's3cret' });
      expect((await authed.info()).wsUrl).toBe(sandbox.wsUrl);
    } finally {
      await sandbox.close();
    }
  });
});
