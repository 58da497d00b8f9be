import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

import {
  generateMessageIDV2,
  generateWAMessageContent,
  getBinaryNodeChild,
  S_WHATSAPP_NET,
  type proto,
  type WAMediaUploadFunction,
} from 'baileys';
import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxEvents } from '@/sandbox';
import { bytesToBase64, bytesToBase64Portable } from '@/sandbox/control/base64';
import { createSandboxControlClient, SandboxControlError } from '@/sandbox/control-client';
import { parseByteRange } from '@/sandbox/media/byte-range';
import { BlobStore } from '@/sandbox/media/blob-store';
import { decryptMedia, encryptMedia } from '@/sandbox/media/media-crypto';
import type { SandboxBaileysClient } from '@/sandbox/testing/baileys-client';

import { startHarness, type Harness } from './helpers';
import { httpsRequest, makePng, sha256B64Url, sha256Hex } from './media-fixtures';

const SHOP = '15551230010';
const ALICE = '15557650041';
const BOB = '15557650042';
const MIB = 1024 * 1024;

/** Asks for upload credentials exactly like Baileys' refreshMediaConn does. */
const mediaConn = async (client: SandboxBaileysClient): Promise<{ auth: string; hostname: string; attrs: Record<string, string> }> => {
  const result = await client.socket.query({
    tag: 'iq',
    attrs: { to: S_WHATSAPP_NET, type: 'set', xmlns: 'w:m' },
    content: [{ tag: 'media_conn', attrs: {} }],
  });
  const node = getBinaryNodeChild(result, 'media_conn');
  const host = getBinaryNodeChild(node, 'host');
  if (!node?.attrs.auth || !host?.attrs.hostname) {
    throw new Error('media_conn without auth or host');
  }
  return { auth: node.attrs.auth, hostname: host.attrs.hostname, attrs: { ...node.attrs, ...host.attrs } };
};

describe('sandbox media: device to contact', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('delivers an image and a document verified to the contact, with one media_conn for both uploads', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP, 'Shop');
    const mediaConnIqs: string[] = [];
    const uploads: Array<SandboxEvents['media-request']> = [];
    h.sandbox.events.on('stanza', e => {
      if (e.dir === 'in' && e.tag === 'iq' && e.attrs.xmlns === 'w:m') mediaConnIqs.push(e.attrs.id ?? '');
    });
    h.sandbox.events.on('media-request', e => uploads.push(e));
    const imageEvent = h.sandbox.events.waitFor('message', e => e.to === ALICE && e.media?.kind === 'image');
    const png = makePng(48, 32);
    const doc = randomBytes(200 * 1024 + 7);

    const imageId = await client.sendMedia(ALICE, { image: png, mimetype: 'image/png', caption: 'our new logo' });
    const docId = await client.sendMedia(ALICE, { document: doc, mimetype: 'application/pdf', fileName: 'invoice-42.pdf' });

    const image = await h.sandbox.waitForInbox(ALICE, m => m.id === imageId);
    expect(image).toMatchObject({ from: SHOP, text: 'our new logo' });
    expect(image.media).toEqual({
      kind: 'image',
      mimetype: 'image/png',
      size: png.length,
      sha256: sha256Hex(png),
      caption: 'our new logo',
    });
    expect(h.sandbox.inboxMedia(ALICE, imageId)?.equals(png)).toBe(true);
    expect((await imageEvent).media).toEqual(image.media);

    const document = await h.sandbox.waitForInbox(ALICE, m => m.id === docId);
    expect(document).toMatchObject({ text: '', media: { kind: 'document', fileName: 'invoice-42.pdf', size: doc.length } });
    expect(document.media?.sha256).toBe(sha256Hex(doc));
    expect(document.media?.error).toBeUndefined();
    expect(h.sandbox.inboxMedia(ALICE, docId)?.equals(doc)).toBe(true);

    expect(mediaConnIqs).toHaveLength(1); // Baileys cached the answer for its ttl
    expect(uploads.map(u => [u.method, u.path.split('/').slice(0, 3).join('/'), u.status])).toEqual([
      ['POST', '/mms/image', 200],
      ['POST', '/mms/document', 200],
    ]);
    expect(h.sandbox.inbox(BOB)).toEqual([]);
    expect(h.decryptErrors).toEqual([]);
  });

  it('records a tampered, mislabelled or missing blob as media.error without crashing', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const sock = client.socket;
    const errors: Array<SandboxEvents['media-error']> = [];
    h.sandbox.events.on('media-error', e => errors.push(e));
    const png = makePng(16, 16);
    let forgedEncSha256: Buffer | undefined;
    // Uploads a blob with one ciphertext byte flipped; the server accepts it (its hash matches the
    // forged body), only the receiving phone can notice.
    const flippingUpload: WAMediaUploadFunction = async (filePath, opts) => {
      const blob = await readFile(filePath);
      blob[0] = (blob[0] ?? 0) ^ 0xff;
      await writeFile(filePath, blob);
      forgedEncSha256 = Buffer.from(sha256B64Url(blob), 'base64url');
      return sock.waUploadToServer(filePath, { ...opts, fileEncSha256B64: forgedEncSha256.toString('base64') });
    };
    const send = async (upload: WAMediaUploadFunction, tamper: (m: proto.Message.IImageMessage) => void): Promise<string> => {
      const content = await generateWAMessageContent({ image: png, mimetype: 'image/png', caption: 'forged' }, { upload });
      if (!content.imageMessage) throw new Error('no imageMessage generated');
      tamper(content.imageMessage);
      const messageId = generateMessageIDV2(sock.user?.id);
      await sock.relayMessage(`${ALICE}@s.whatsapp.net`, content, { messageId });
      return messageId;
    };

    const flipped = await send(flippingUpload, () => undefined);
    const badMac = await send(flippingUpload, m => {
      m.fileEncSha256 = forgedEncSha256; // hash of what is stored: the MAC is what gives it away
    });
    const badPlainHash = await send(sock.waUploadToServer, m => {
      m.fileSha256 = randomBytes(32);
    });
    const missing = await send(sock.waUploadToServer, m => {
      m.directPath = '/v/t62.7118-24/0000.enc?ccb=11-4';
    });
    const after = await client.sendText(ALICE, 'still alive?');
    await h.sandbox.waitForInbox(ALICE, m => m.id === after);

    const errorOf = (id: string): string | undefined => h.sandbox.inbox(ALICE).find(m => m.id === id)?.media?.error;
    expect(errorOf(flipped)).toBe('fileEncSha256 mismatch');
    expect(errorOf(badMac)).toBe('MAC mismatch');
    expect(errorOf(badPlainHash)).toBe('fileSha256 mismatch');
    expect(errorOf(missing)).toBe('media not found on the sandbox media server');
    expect(errors.map(e => [e.id, e.from, e.to])).toEqual([flipped, badMac, badPlainHash, missing].map(id => [id, SHOP, ALICE]));
    for (const id of [flipped, badMac, badPlainHash, missing]) {
      expect(h.sandbox.inboxMedia(ALICE, id)).toBeUndefined();
    }
    // The inbox still says what was announced, and keeps the caption.
    expect(h.sandbox.inbox(ALICE).find(m => m.id === badMac)).toMatchObject({ text: 'forged', media: { kind: 'image', size: png.length } });
    expect(h.decryptErrors).toEqual([]);
  });
});

describe('sandbox media: contact to device', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('delivers image, voice note, document and video that Baileys downloads byte for byte', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const mediaStanzas: string[] = [];
    h.sandbox.events.on('stanza', e => {
      if (e.dir === 'out' && e.tag === 'message' && e.attrs.type === 'media') mediaStanzas.push(e.attrs.id ?? '');
    });
    const png = makePng(64, 40);
    const voice = randomBytes(12_345);
    const pdf = randomBytes(300 * 1024);
    const video = randomBytes(64 * 1024 + 3);

    const imageId = await h.sandbox.sendMedia(ALICE, SHOP, { kind: 'image', data: png, mimetype: 'image/png', caption: 'look' });
    const voiceId = await h.sandbox.sendMedia(ALICE, SHOP, { kind: 'audio', data: voice, mimetype: 'audio/ogg; codecs=opus', ptt: true });
    const docId = await h.sandbox.sendMedia(ALICE, SHOP, {
      kind: 'document',
      data: pdf,
      mimetype: 'application/pdf',
      fileName: 'catalogue.pdf',
      caption: 'prices',
    });
    const videoId = await h.sandbox.sendMedia(ALICE, SHOP, { kind: 'video', data: video, mimetype: 'video/mp4' });

    const image = await client.waitForMessage(m => m.key.id === imageId);
    expect(image.message?.imageMessage).toMatchObject({ mimetype: 'image/png', caption: 'look' });
    expect((await client.download(image)).equals(png)).toBe(true);
    const note = await client.waitForMessage(m => m.key.id === voiceId);
    expect(note.message?.audioMessage).toMatchObject({ mimetype: 'audio/ogg; codecs=opus', ptt: true });
    expect((await client.download(note)).equals(voice)).toBe(true);
    const doc = await client.waitForMessage(m => m.key.id === docId);
    expect(doc.message?.documentMessage).toMatchObject({ mimetype: 'application/pdf', fileName: 'catalogue.pdf', caption: 'prices' });
    expect((await client.download(doc)).equals(pdf)).toBe(true);
    const clip = await client.waitForMessage(m => m.key.id === videoId);
    expect(clip.message?.videoMessage).toMatchObject({ mimetype: 'video/mp4' });
    expect((await client.download(clip)).equals(video)).toBe(true);

    expect(mediaStanzas).toEqual([imageId, voiceId, docId, videoId]);
    expect(h.sandbox.outbox(ALICE).map(m => [m.text, m.media])).toEqual([
      ['look', { kind: 'image', mimetype: 'image/png', size: png.length, sha256: sha256Hex(png), caption: 'look' }],
      ['', { kind: 'audio', mimetype: 'audio/ogg; codecs=opus', size: voice.length, sha256: sha256Hex(voice), ptt: true }],
      ['prices', { kind: 'document', mimetype: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf), fileName: 'catalogue.pdf', caption: 'prices' }],
      ['', { kind: 'video', mimetype: 'video/mp4', size: video.length, sha256: sha256Hex(video) }],
    ]);
  });

  it('serves ranged downloads with 206 and the exact slice', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const data = randomBytes(10_000);
    const id = await h.sandbox.sendMedia(ALICE, SHOP, { kind: 'document', data, mimetype: 'application/octet-stream', fileName: 'blob.bin' });
    const message = await client.waitForMessage(m => m.key.id === id);
    const requests: Array<SandboxEvents['media-request']> = [];
    h.sandbox.events.on('media-request', e => requests.push(e));

    const slice = await client.download(message, { startByte: 1000, endByte: 5000 });
    expect(slice.equals(data.subarray(1000, 5000))).toBe(true);
    const whole = await client.download(message);
    expect(whole.equals(data)).toBe(true);

    // Baileys widens the range to whole AES blocks plus the block before (its IV).
    expect(requests.map(r => [r.method, r.status, r.range])).toEqual([
      ['GET', 206, 'bytes=976-5008'],
      ['GET', 200, undefined],
    ]);
  });

  it('re-uploads expired media when a device asks, and answers NOT_FOUND for media the phone never had', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const data = randomBytes(4096);
    const id = await h.sandbox.sendMedia(ALICE, SHOP, { kind: 'document', data, mimetype: 'application/pdf', fileName: 'old.pdf', expired: true });
    const message = await client.waitForMessage(m => m.key.id === id);
    await expect(client.download(message)).rejects.toMatchObject({ output: { statusCode: 404 } });

    const before = message.message?.documentMessage?.directPath;
    const refreshed = await client.socket.updateMediaMessage(message);
    expect(refreshed.message?.documentMessage?.directPath).not.toBe(before);
    expect(await client.download(refreshed, { host: new URL(h.sandbox.mediaUrl).host })).toEqual(data);

    const unknown = { ...message, key: { ...message.key, id: generateMessageIDV2() } };
    await expect(client.socket.updateMediaMessage(unknown)).rejects.toMatchObject({
      message: 'Failed to re-upload media (2)',
      output: { statusCode: 404 },
    });
  });

  it('rejects media for an account without linked devices and invalid input before storing anything', async () => {
    h = await startHarness();
    h.sandbox.createAccount({ phone: SHOP });
    const png = makePng(4, 4);
    await expect(h.sandbox.sendMedia(ALICE, SHOP, { kind: 'image', data: png, mimetype: 'image/png' })).rejects.toThrow('no linked device');
    await h.pairedClient(SHOP);
    await expect(h.sandbox.sendMedia(ALICE, SHOP, { kind: 'image', data: png, mimetype: 'png' })).rejects.toThrow('invalid mimetype');
    await expect(h.sandbox.sendMedia(ALICE, SHOP, { kind: 'image', data: new Uint8Array(), mimetype: 'image/png' })).rejects.toThrow('non-empty');
    await expect(h.sandbox.sendMedia(ALICE, SHOP, { kind: 'image', data: png, mimetype: 'image/png', ptt: true })).rejects.toThrow('only for audio');
    expect(h.sandbox.outbox(ALICE)).toEqual([]);
  });
});

describe('sandbox media server', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('announces itself in media_conn and checks auth, token, size and paths over TLS it alone vouches for', async () => {
    h = await startHarness();
    const client = await h.pairedClient(SHOP);
    const { auth, hostname, attrs } = await mediaConn(client);
    expect(attrs).toMatchObject({ ttl: '300', auth_ttl: '21600', max_buckets: '12', maxContentLengthBytes: String(100 * MIB) });
    expect(`https://${hostname}`).toBe(h.sandbox.mediaUrl);
    const ca = h.sandbox.mediaCertPem;
    const body = randomBytes(4096);
    const token = sha256B64Url(body);
    const uploadUrl = (withAuth: string, pathToken = token): string =>
      `${h.sandbox.mediaUrl}/mms/image/${pathToken}?auth=${encodeURIComponent(withAuth)}&token=${pathToken}`;
    const post = (url: string, payload = body) =>
      httpsRequest(url, { ca, method: 'POST', body: payload, headers: { 'content-type': 'application/octet-stream' } });

    expect((await post(uploadUrl('not-the-auth'))).status).toBe(401);
    expect((await post(uploadUrl(auth), randomBytes(4096))).status).toBe(400);
    expect((await post(`${h.sandbox.mediaUrl}/mms/nonsense/${token}?auth=${encodeURIComponent(auth)}`)).status).toBe(404);
    const tooLarge = await httpsRequest(uploadUrl(auth), { ca, method: 'POST', headers: { 'content-length': String(100 * MIB + 1) } });
    expect(tooLarge.status).toBe(413);

    const accepted = await post(uploadUrl(auth));
    expect(accepted.status).toBe(200);
    const stored = JSON.parse(accepted.body.toString('utf8')) as { url: string; direct_path: string };
    expect(stored.url).toBe(`${h.sandbox.mediaUrl}${stored.direct_path}&mms3=true`);
    expect(stored.direct_path).toMatch(/^\/v\/t62\.7118-24\/[0-9a-f]{32}\.enc\?ccb=11-4&oh=/);
    const fetched = await httpsRequest(`${h.sandbox.mediaUrl}${stored.direct_path}`, { ca });
    expect(fetched.status).toBe(200);
    expect(fetched.body.equals(body)).toBe(true);
    const tail = await httpsRequest(`${h.sandbox.mediaUrl}${stored.direct_path}`, { ca, headers: { range: 'bytes=-10' } });
    expect([tail.status, tail.headers['content-range']]).toEqual([206, 'bytes 4086-4095/4096']);
    expect(tail.body.equals(body.subarray(-10))).toBe(true);
    const beyond = await httpsRequest(`${h.sandbox.mediaUrl}${stored.direct_path}`, { ca, headers: { range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
    expect((await httpsRequest(`${h.sandbox.mediaUrl}/v/t62.7118-24/unknown.enc`, { ca })).status).toBe(404);

    // Without the sandbox's certificate TLS verification fails: nothing here trusts it implicitly.
    await expect(httpsRequest(`${h.sandbox.mediaUrl}${stored.direct_path}`, {})).rejects.toThrow(/self[- ]signed/i);
  });

  it('makes Baileys fail the upload when the socket does not trust the media certificate', async () => {
    h = await startHarness();
    h.sandbox.createAccount({ phone: SHOP });
    const untrusting = h.client({ mediaCertPem: undefined });
    await untrusting.pairWithQR(qr => h.sandbox.scanQR(qr, SHOP));
    const requests: Array<SandboxEvents['media-request']> = [];
    h.sandbox.events.on('media-request', e => requests.push(e));
    await expect(untrusting.sendMedia(ALICE, { image: makePng(8, 8), mimetype: 'image/png' })).rejects.toThrow('Media upload failed on all hosts');
    expect(requests).toEqual([]); // the TLS handshake failed before any request
  });
});

describe('sandbox media lifecycle', () => {
  it('closes the media server with the sandbox', async () => {
    const sandbox = await startSandbox();
    const { mediaUrl, mediaCertPem } = sandbox;
    expect((await httpsRequest(`${mediaUrl}/v/none.enc`, { ca: mediaCertPem })).status).toBe(404);
    await sandbox.close();
    await expect(httpsRequest(`${mediaUrl}/v/none.enc`, { ca: mediaCertPem })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('sandbox media through the control API', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('sends media as a contact and reads what a contact received, with 400/404/413 for bad calls', async () => {
    h = await startHarness();
    const control = createSandboxControlClient(h.sandbox.controlUrl);
    const info = await control.info();
    expect(info).toMatchObject({ mediaUrl: h.sandbox.mediaUrl, mediaCertPem: h.sandbox.mediaCertPem });
    expect(info.mediaCertPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const client = await h.pairedClient(SHOP);

    const voice = randomBytes(20_000);
    const voiceId = await control.sendMedia(ALICE, SHOP, { kind: 'audio', data: voice, mimetype: 'audio/ogg; codecs=opus', ptt: true });
    const note = await client.waitForMessage(m => m.key.id === voiceId);
    expect((await client.download(note)).equals(voice)).toBe(true);
    expect((await control.outbox(ALICE)).find(m => m.id === voiceId)?.media).toEqual({
      kind: 'audio',
      mimetype: 'audio/ogg; codecs=opus',
      size: voice.length,
      sha256: sha256Hex(voice),
      ptt: true,
    });

    const png = makePng(20, 20);
    const imageId = await client.sendMedia(ALICE, { image: png, mimetype: 'image/png', caption: 'via control' });
    const received = await control.waitForInbox(ALICE, { text: 'via control', timeoutMs: 10_000 });
    expect(received).toMatchObject({ id: imageId, media: { kind: 'image', sha256: sha256Hex(png), size: png.length } });
    expect((await control.inbox(ALICE)).map(m => m.media?.kind)).toEqual(['image']);
    expect(Buffer.from(await control.inboxMedia(ALICE, imageId)).equals(png)).toBe(true);
    const raw = await fetch(`${h.sandbox.controlUrl}/media/${ALICE}/${imageId}`);
    expect(raw.headers.get('content-type')).toBe('image/png');
    expect(raw.headers.get('content-security-policy')).toContain('sandbox');

    const missing = await control.inboxMedia(ALICE, 'NO-SUCH-ID').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(SandboxControlError);
    expect(missing).toMatchObject({ status: 404 });

    const invalid = await control
      .sendMedia(ALICE, SHOP, { kind: 'sticker' as 'image', data: new Uint8Array(), mimetype: 'png' })
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400 });
    expect((invalid as SandboxControlError).issues?.map(i => i.path).sort()).toEqual(['dataBase64', 'kind', 'mimetype']);
    const pttOnImage = await control.sendMedia(ALICE, SHOP, { kind: 'image', data: png, mimetype: 'image/png', ptt: true }).catch((error: unknown) => error);
    expect(pttOnImage).toMatchObject({ status: 400, issues: [{ path: 'ptt', message: 'ptt is only for audio' }] });
    const notBase64 = await fetch(`${h.sandbox.controlUrl}/send-media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: ALICE, to: SHOP, kind: 'image', mimetype: 'image/png', dataBase64: 'not base64!' }),
    });
    expect(notBase64.status).toBe(400);

    const oversize = await control
      .sendMedia(ALICE, SHOP, { kind: 'document', data: new Uint8Array(19 * MIB), mimetype: 'application/pdf', fileName: 'big.pdf' })
      .catch((error: unknown) => error);
    expect(oversize).toMatchObject({ status: 413 });
    expect(h.decryptErrors).toEqual([]);
  });
});

describe('sandbox media units', () => {
  it('parses single byte ranges like an HTTP server should', () => {
    expect(parseByteRange(undefined, 100)).toBeUndefined();
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=9-1', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseByteRange('items=0-1', 100)).toBeUndefined();
  });

  it('encodes base64 for the control client the same with and without Buffer', () => {
    for (const length of [0, 1, 2, 3, 4, 0x6000 - 1, 0x6000, 0x6000 + 1, 100_003]) {
      const bytes = randomBytes(length);
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      expect([bytesToBase64Portable(view), bytesToBase64(view)]).toEqual([bytes.toString('base64'), bytes.toString('base64')]);
    }
  });

  it('evicts the oldest blobs past the byte budget', () => {
    const store = new BlobStore(10);
    store.set('a', Buffer.alloc(4));
    store.set('b', Buffer.alloc(4));
    store.set('c', Buffer.alloc(4));
    expect([store.get('a'), store.get('b')?.length, store.get('c')?.length]).toEqual([undefined, 4, 4]);
    expect(store.totalBytes).toBe(8);
    expect(store.set('huge', Buffer.alloc(11))).toBe(false);
    store.set('b', Buffer.alloc(1));
    expect(store.totalBytes).toBe(5);
    store.clear();
    expect([store.size, store.totalBytes]).toEqual([0, 0]);
  });

  it('round-trips its own encryption and rejects a blob for another media type', async () => {
    const plain = randomBytes(1000);
    const encrypted = await encryptMedia(plain, 'video');
    expect(encrypted.blob.length).toBe(1008 + 10);
    expect((await decryptMedia(encrypted.blob, encrypted, 'video')).equals(plain)).toBe(true);
    // The HKDF info differs per type, so the same key gives other MAC and cipher keys.
    await expect(decryptMedia(encrypted.blob, encrypted, 'image')).rejects.toThrow('MAC mismatch');
  });
});
