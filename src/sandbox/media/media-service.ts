import { randomBytes } from 'node:crypto';

import { BlobStore } from './blob-store';

/** The `/mms/<type>/…` upload paths the sandbox accepts (Baileys sends stickers to /mms/image). */
export type UploadType = 'image' | 'video' | 'audio' | 'document';

/** WhatsApp's direct-path segment per upload type (cosmetic, but keeps URLs looking real). */
const PATH_SEGMENT: Readonly<Record<UploadType, string>> = {
  image: 't62.7118-24',
  video: 't62.7161-24',
  audio: 't62.7114-24',
  document: 't62.7119-24',
};

export const isUploadType = (value: string): value is UploadType => Object.hasOwn(PATH_SEGMENT, value);

/** Announced as `maxContentLengthBytes` and enforced on upload. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const MEDIA_CONN_TTL_S = 300;
export const MEDIA_AUTH_TTL_S = 21_600;
const MAX_STORED_BYTES = 512 * 1024 * 1024;
const MAX_RECEIVED_BYTES = 256 * 1024 * 1024;
const MAX_PHONE_COPY_BYTES = 128 * 1024 * 1024;
const MAX_LIVE_AUTHS = 10_000;

export interface StoredMedia {
  /** `https://host:port/v/…&mms3=true`: carries the host Baileys downloads from. */
  url: string;
  directPath: string;
}

const receivedKey = (phone: string, messageId: string): string => `${phone}\n${messageId}`;

/** What a sending phone keeps of a media message so it can upload it again when a device asks (media retry). */
export interface PhoneCopy {
  type: UploadType;
  mediaKey: Buffer;
  blob: Buffer;
}

/**
 * The sandbox's media storage: the "CDN" of encrypted blobs behind the HTTPS media server, the
 * upload auth tokens media_conn hands out, and the plaintexts contacts' phones downloaded.
 */
export class MediaService {
  /** Encrypted blobs as uploaded, keyed by the pathname of their direct path. */
  readonly blobs = new BlobStore(MAX_STORED_BYTES);
  private readonly received = new BlobStore(MAX_RECEIVED_BYTES);
  /** Encrypted blobs phones sent, by message id; the keys beside them (dropped with their blob). */
  private readonly phoneBlobs = new BlobStore(MAX_PHONE_COPY_BYTES);
  private readonly phoneKeys = new Map<string, { type: UploadType; mediaKey: Buffer }>();
  private readonly auths = new Map<string, number>();

  /** `hostname` is `host:port` of the media server, as announced in media_conn. */
  constructor(
    readonly hostname: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new upload auth token, valid for `MEDIA_AUTH_TTL_S`. */
  issueAuth(): string {
    const auth = randomBytes(24).toString('base64'); // '+', '/' and '=' exercise Baileys' URL encoding
    const now = this.now();
    for (const [issued, expiresAt] of this.auths) {
      if (expiresAt > now && this.auths.size < MAX_LIVE_AUTHS) {
        break;
      }
      this.auths.delete(issued); // oldest first: expired, or over the cap
    }
    this.auths.set(auth, now + MEDIA_AUTH_TTL_S * 1000);
    return auth;
  }

  isAuthorized(auth: string | null): boolean {
    const expiresAt = auth === null ? undefined : this.auths.get(auth);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  /** Keeps an encrypted blob and returns where it can be downloaded; undefined if it cannot be stored. */
  store(type: UploadType, blob: Buffer): StoredMedia | undefined {
    const id = randomBytes(16).toString('hex');
    const pathname = `/v/${PATH_SEGMENT[type]}/${id}.enc`;
    if (!this.blobs.set(pathname, blob)) {
      return undefined;
    }
    const oh = `01_${randomBytes(24).toString('base64url')}`;
    const oe = Math.floor(this.now() / 1000 + 30 * 24 * 3600).toString(16).toUpperCase();
    const directPath = `${pathname}?ccb=11-4&oh=${oh}&oe=${oe}&_nc_sid=5e03e0`;
    return { url: `https://${this.hostname}${directPath}&mms3=true`, directPath };
  }

  /** The blob at a direct path (query ignored), as the HTTPS server serves it. */
  blobAt(path: string): Buffer | undefined {
    return this.blobs.get(new URL(path, 'https://media.invalid').pathname);
  }

  /**
   * In-process download for the sandbox's own phones: the blob a message's url/directPath points
   * at, resolved like Baileys does (directPath on the url's host). Another host is not ours.
   */
  download(ref: { url?: string | null; directPath?: string | null }): Buffer | undefined {
    let host = this.hostname;
    if (ref.url) {
      try {
        host = new URL(ref.url).host;
      } catch {
        return undefined;
      }
    }
    const path = ref.directPath ?? ref.url;
    return host === this.hostname && path ? this.blobAt(path) : undefined;
  }

  /** Removes a blob from the "CDN" (as WhatsApp does after a while): downloads of it then get 404. */
  expire(directPath: string): void {
    this.blobs.delete(new URL(directPath, 'https://media.invalid').pathname);
  }

  keepPhoneCopy(messageId: string, copy: PhoneCopy): void {
    if (!this.phoneBlobs.set(messageId, copy.blob)) {
      return;
    }
    this.phoneKeys.set(messageId, { type: copy.type, mediaKey: copy.mediaKey });
    // Keys whose blob the byte budget evicted are useless: drop them so the map stays as small as the store.
    for (const id of this.phoneKeys.keys()) {
      if (this.phoneBlobs.get(id)) break;
      this.phoneKeys.delete(id);
    }
  }

  phoneCopy(messageId: string): PhoneCopy | undefined {
    const keys = this.phoneKeys.get(messageId);
    const blob = this.phoneBlobs.get(messageId);
    return keys && blob ? { ...keys, blob } : undefined;
  }

  keepReceived(phone: string, messageId: string, plaintext: Buffer): void {
    this.received.set(receivedKey(phone, messageId), plaintext);
  }

  receivedMedia(phone: string, messageId: string): Buffer | undefined {
    return this.received.get(receivedKey(phone, messageId));
  }

  close(): void {
    this.blobs.clear();
    this.received.clear();
    this.phoneBlobs.clear();
    this.phoneKeys.clear();
    this.auths.clear();
  }
}
