import { Curve } from 'baileys';
import { Curve as CryptoModuleCurve } from 'baileys/lib/Utils/crypto.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { restoreWhatsAppRoot } from '@/sandbox';
import {
  ensureSignatureVerification,
  restoreOriginalVerification,
} from '@/server/whatsapp/signature-verification';

import { startHarness, type Harness } from './helpers';

const SHOP = '15551230004';

const signedBy = () => {
  const signer = Curve.generateKeyPair();
  const message = Buffer.from('switchboard');
  return { signer, message, signature: Curve.sign(signer.private, message) };
};

describe('signature verification fix (WA-PROTOCOL §2)', () => {
  let h: Harness | undefined;
  beforeEach(() => {
    restoreOriginalVerification();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    restoreOriginalVerification();
  });

  it('patches the single Curve instance Baileys uses, idempotently', () => {
    expect(CryptoModuleCurve).toBe(Curve);
    const { message, signature } = signedBy();
    const stranger = Curve.generateKeyPair();
    expect(Curve.verify(stranger.public, message, signature)).toBe(true); // the rc14 flaw

    expect(ensureSignatureVerification()).toEqual({ wasBroken: true, patched: true });
    expect(Curve.verify(stranger.public, message, signature)).toBe(false);
    expect(ensureSignatureVerification()).toEqual({ wasBroken: false, patched: true });

    const genuine = signedBy();
    expect(Curve.verify(genuine.signer.public, genuine.message, genuine.signature)).toBe(true);
    expect(Curve.verify(genuine.signer.public, genuine.message, new Uint8Array(10))).toBe(false);
  });

  it('a cert chain signed by the wrong root is accepted unpatched and rejected after the fix', async () => {
    h = await startHarness({ certRoot: 'wrong' });
    const unpatched = h.client();
    const qr = unpatched.waitForQR();
    unpatched.connect();
    expect(await qr).toContain('linked_devices#'); // handshake accepted: Baileys got as far as the QR
    await unpatched.end();

    ensureSignatureVerification();
    const patched = h.client();
    const closed = patched.waitForClose();
    patched.connect();
    expect((await closed).message).toBe('noise intermediate certificate signature invalid');
  });

  it('after the fix, the sandbox is only trusted once its root is installed', async () => {
    ensureSignatureVerification();
    h = await startHarness();
    restoreWhatsAppRoot();
    const untrusted = h.client();
    const closed = untrusted.waitForClose();
    untrusted.connect();
    expect((await closed).message).toBe('noise intermediate certificate signature invalid');
  });

  it('a correctly signed chain and ADV identity still pair after the fix', async () => {
    ensureSignatureVerification();
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    expect(client.auth.creds.me?.id).toBe(`${SHOP}:1@s.whatsapp.net`);
  });

  it('a wrong ADV account signature is accepted unpatched and rejected after the fix', async () => {
    h = await startHarness({ advSignature: 'wrong' });
    const unpatched = await h.pairedClient(SHOP);
    expect(unpatched.auth.creds.me?.id).toBe(`${SHOP}:1@s.whatsapp.net`);
    await unpatched.end();

    ensureSignatureVerification();
    const patched = h.client();
    const qr = patched.waitForQR();
    const closed = patched.waitForClose();
    patched.connect();
    await expect(h.sandbox.scanQR(await qr, '15551230005')).rejects.toThrow();
    expect((await closed).message).toBe('Failed to verify account signature');
    expect(patched.auth.creds.me).toBeUndefined();
    expect(h.sandbox.linkedDevices('15551230005')).toEqual([]);
  });
});
