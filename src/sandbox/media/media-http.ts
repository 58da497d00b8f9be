import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { parseByteRange } from './byte-range';
import { isUploadType, MAX_UPLOAD_BYTES, type MediaService } from './media-service';

const UPLOAD_PATH = /^\/mms\/([a-z-]+)\/([A-Za-z0-9_-]+)$/;

class MediaHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Close the connection instead of reading the rest of the request body. */
    readonly abandonBody = false,
  ) {
    super(message);
  }
}

const sendJson = (res: ServerResponse, status: number, body: unknown, close = false): void => {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
};

/** Reads the body up to `MAX_UPLOAD_BYTES`; with `keep` false it is only drained (nothing buffered). */
const readBody = async (req: IncomingMessage, keep: boolean): Promise<Buffer> => {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    throw new MediaHttpError(413, 'payload too large', true);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_UPLOAD_BYTES) {
      throw new MediaHttpError(413, 'payload too large', true);
    }
    if (keep) {
      chunks.push(buffer);
    }
  }
  return Buffer.concat(chunks);
};

/**
 * `POST /mms/<type>/<token>?auth=…&token=…`: like WhatsApp's upload endpoint, the token is the
 * base64url SHA-256 of the encrypted body and `auth` comes from media_conn. Rejected requests are
 * still drained, so the client reads the status instead of a connection reset.
 */
const upload = async (media: MediaService, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const match = UPLOAD_PATH.exec(url.pathname);
  const type = match?.[1];
  const authorized = media.isAuthorized(url.searchParams.get('auth'));
  const body = await readBody(req, authorized && type !== undefined && isUploadType(type));
  if (!match || !type || !isUploadType(type)) {
    throw new MediaHttpError(404, 'unknown upload path');
  }
  if (!authorized) {
    throw new MediaHttpError(401, 'missing or expired media auth');
  }
  const token = createHash('sha256').update(body).digest('base64url');
  if (match[2] !== token || (url.searchParams.get('token') ?? token) !== token) {
    throw new MediaHttpError(400, 'token does not match the SHA-256 of the body');
  }
  const stored = media.store(type, body);
  if (!stored) {
    throw new MediaHttpError(413, 'payload too large');
  }
  sendJson(res, 200, { url: stored.url, direct_path: stored.directPath });
};

/** `GET <directPath>`, with single-range support (Baileys widens ranges to 16-byte AES blocks). */
const download = (media: MediaService, url: URL, req: IncomingMessage, res: ServerResponse): void => {
  const blob = media.blobAt(url.pathname);
  if (!blob) {
    throw new MediaHttpError(404, 'no such media');
  }
  const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  const range = parseByteRange(req.headers.range, blob.length);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${blob.length}` });
    res.end();
    return;
  }
  const body = range ? blob.subarray(range.start, range.end + 1) : blob;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'content-length': body.length.toString(),
    ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${blob.length}` } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
};

/** The media server's request handler: uploads, downloads, JSON errors. */
export const createMediaRequestHandler =
  (media: MediaService) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://media.invalid');
    try {
      if (req.method === 'POST') {
        await upload(media, url, req, res);
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        download(media, url, req, res);
      } else {
        throw new MediaHttpError(405, 'method not allowed');
      }
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof MediaHttpError) {
        sendJson(res, error.status, { error: error.message }, error.abandonBody);
      } else {
        sendJson(res, 500, { error: 'internal media server error' }, true);
      }
    }
  };
