import { Curve, encodeBinaryNode, makeNoiseHandler, NOISE_WA_HEADER, proto, type BinaryNode } from 'baileys';
import { describe, expect, it } from 'vitest';

import { sandboxSocketConfig } from '@/sandbox';
import { PrekeyPool } from '@/sandbox/directory/prekey-pool';
import { isLibsignalNoise } from '@/sandbox/log/quiet-console';
import { silentLogger } from '@/sandbox/log/silent-logger';
import { parseQR } from '@/sandbox/pairing/qr';
import { createServerIdentity, keyPairFromSeed } from '@/sandbox/protocol/cert-chain';
import { encodeFrame, FrameDecoder } from '@/sandbox/protocol/frame-codec';
import { NoiseResponder } from '@/sandbox/protocol/noise-responder';

describe('sandbox protocol units', () => {
  it('completes a Noise XX handshake with Baileys’ own initiator and exchanges transport frames', async () => {
    const identity = createServerIdentity();
    const clientEphemeral = Curve.generateKeyPair();
    const clientNoiseKey = Curve.generateKeyPair();
    const initiator = makeNoiseHandler({ keyPair: clientEphemeral, NOISE_HEADER: NOISE_WA_HEADER, logger: silentLogger });
    const responder = new NoiseResponder(NOISE_WA_HEADER);

    const hello = proto.HandshakeMessage.encode({ clientHello: { ephemeral: clientEphemeral.public } }).finish();
    const serverHello = proto.HandshakeMessage.decode(responder.respondToHello(hello, identity.serverStatic, identity.certChain));
    // processHandshake checks the chain against WA_CERT_DETAILS; rc14's Curve.verify accepts any root here.
    const keyEnc = initiator.processHandshake(serverHello, clientNoiseKey);
    const payloadEnc = initiator.encrypt(proto.ClientPayload.encode({ username: 15551234567, device: 1 }).finish());
    const finish = proto.HandshakeMessage.encode({ clientFinish: { static: keyEnc, payload: payloadEnc } }).finish();
    const { clientStatic, payload, transport } = responder.finish(finish);
    await initiator.finishInit();

    expect(clientStatic.equals(Buffer.from(clientNoiseKey.public))).toBe(true);
    expect(String(payload.username)).toBe('15551234567');

    const node: BinaryNode = { tag: 'iq', attrs: { id: '1', type: 'result' } };
    const frames: unknown[] = [];
    await initiator.decodeFrame(encodeFrame(transport.encrypt(encodeBinaryNode(node))), frame => frames.push(frame));
    expect(frames).toEqual([node]);
    const fromClient = initiator.encodeFrame(encodeBinaryNode(node));
    const decoder = new FrameDecoder();
    const [frame] = decoder.push(fromClient.subarray(0)); // first client frame carries the WA intro header
    expect(decoder.header?.equals(Buffer.from(NOISE_WA_HEADER))).toBe(true);
    expect(transport.decrypt(frame!).equals(encodeBinaryNode(node))).toBe(true);
  });

  it('reassembles frames split across and merged within WebSocket messages', () => {
    const decoder = new FrameDecoder();
    const a = encodeFrame(Buffer.from('first'));
    const b = encodeFrame(Buffer.from('second'));
    const stream = Buffer.concat([Buffer.from(NOISE_WA_HEADER), a, b]);
    expect(decoder.push(stream.subarray(0, 6))).toEqual([]);
    expect(decoder.push(stream.subarray(6)).map(f => f.toString())).toEqual(['first', 'second']);

    const routed = new FrameDecoder();
    const routing = Buffer.from([1, 2, 3]);
    const edge = Buffer.concat([Buffer.from('ED'), Buffer.from([0, 1, 0, 0, 3]), routing, Buffer.from(NOISE_WA_HEADER), a]);
    expect(routed.push(edge).map(f => f.toString())).toEqual(['first']);
  });

  it('parses rc14 and legacy QR payloads', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(parseQR(`https://wa.me/settings/linked_devices#2@ref,${key},${key},adv==,1`)).toMatchObject({
      ref: '2@ref',
      advSecret: 'adv==',
      platformId: '1',
    });
    expect(parseQR(`2@ref,${key},${key},adv==`).ref).toBe('2@ref');
    expect(() => parseQR('garbage')).toThrow(/expected ref/);
  });

  it('hands out each uploaded prekey once, in order, across uploads', () => {
    const pool = new PrekeyPool();
    pool.add([1, 2].map(keyId => ({ keyId, publicKey: Buffer.alloc(32, keyId) })));
    expect(pool.take()?.keyId).toBe(1);
    pool.add([{ keyId: 3, publicKey: Buffer.alloc(32, 3) }]);
    expect(pool.available).toBe(2);
    expect([pool.take()?.keyId, pool.take()?.keyId, pool.take()]).toEqual([2, 3, undefined]);
  });

  it('derives a stable root from a seed', () => {
    expect(Buffer.from(keyPairFromSeed('demo').public).equals(keyPairFromSeed('demo').public)).toBe(true);
    expect(Buffer.from(createServerIdentity({ seed: 'demo' }).root.public).equals(Buffer.from(keyPairFromSeed('demo/root').public))).toBe(true);
  });

  it('recognises libsignal bookkeeping noise but not real errors', () => {
    expect(isLibsignalNoise(['Closing session:', {}])).toBe(true);
    expect(isLibsignalNoise(['Session error:Error: Bad MAC'])).toBe(false);
  });

  it('socket config skips the history-sync wait without declining every history type', () => {
    const config = sandboxSocketConfig('ws://127.0.0.1:1/ws/chat');
    const { HistorySyncType } = proto.HistorySync;
    expect(config.waWebSocketUrl).toBe('ws://127.0.0.1:1/ws/chat');
    expect(config.markOnlineOnConnect).toBe(false);
    expect(config.shouldSyncHistoryMessage?.({ syncType: HistorySyncType.RECENT })).toBe(false);
    // At least one processable type stays enabled, so Baileys does not print its "DANGER" warning.
    expect(config.shouldSyncHistoryMessage?.({ syncType: HistorySyncType.INITIAL_BOOTSTRAP })).toBe(true);
  });
});
