import { aesDecryptWithIV, aesEncrypWithIV, getMediaKeys, hmacSign, sha256, type MediaType } from 'baileys';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** WhatsApp appends the first 10 bytes of HMAC-SHA256(macKey, iv ‖ ciphertext) to the ciphertext. */
const MAC_LENGTH = 10;
const AES_BLOCK = 16;

/** Baileys' getMediaKeys as Buffers (its type leaves macKey optional; it always derives one). */
const mediaKeys = async (mediaKey: Uint8Array, type: MediaType): Promise<{ iv: Buffer; cipherKey: Buffer; macKey: Buffer }> => {
  const { iv, cipherKey, macKey } = await getMediaKeys(mediaKey, type);
  if (!macKey) {
    throw new Error(`no MAC key derived for media type ${type}`);
  }
  return { iv: Buffer.from(iv), cipherKey: Buffer.from(cipherKey), macKey: Buffer.from(macKey) };
};

export interface EncryptedMedia {
  mediaKey: Buffer;
  /** ciphertext ‖ mac: what gets uploaded. */
  blob: Buffer;
  fileSha256: Buffer;
  fileEncSha256: Buffer;
  fileLength: number;
}

/** Encrypts like Baileys' `encryptedStream`, in memory and with Baileys' own primitives. */
export const encryptMedia = async (plaintext: Uint8Array, type: MediaType): Promise<EncryptedMedia> => {
  const plain = Buffer.from(plaintext);
  const mediaKey = randomBytes(32);
  const { iv, cipherKey, macKey } = await mediaKeys(mediaKey, type);
  const ciphertext = aesEncrypWithIV(plain, cipherKey, iv);
  const mac = hmacSign(Buffer.concat([iv, ciphertext]), macKey).subarray(0, MAC_LENGTH);
  const blob = Buffer.concat([ciphertext, mac]);
  return { mediaKey, blob, fileSha256: sha256(plain), fileEncSha256: sha256(blob), fileLength: plain.length };
};

/** A blob that does not match what its message announced. The message is the reason, for the inbox. */
export class MediaVerificationError extends Error {}

export interface MediaRef {
  mediaKey?: Uint8Array | null;
  fileEncSha256?: Uint8Array | null;
  fileSha256?: Uint8Array | null;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

/**
 * Verifies and decrypts a downloaded blob the way a phone should, and Baileys' download does not
 * (WA-PROTOCOL §7.4): fileEncSha256 of the blob, the truncated MAC, then fileSha256 of the plaintext.
 */
export const decryptMedia = async (blob: Buffer, ref: MediaRef, type: MediaType): Promise<Buffer> => {
  if (!ref.mediaKey?.length || !ref.fileEncSha256?.length || !ref.fileSha256?.length) {
    throw new MediaVerificationError('message lacks mediaKey, fileEncSha256 or fileSha256');
  }
  if (!sameBytes(sha256(blob), ref.fileEncSha256)) {
    throw new MediaVerificationError('fileEncSha256 mismatch');
  }
  const ciphertext = blob.subarray(0, blob.length - MAC_LENGTH);
  if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK !== 0) {
    throw new MediaVerificationError('blob is not AES-CBC ciphertext plus MAC');
  }
  const { iv, cipherKey, macKey } = await mediaKeys(ref.mediaKey, type);
  const mac = hmacSign(Buffer.concat([iv, ciphertext]), macKey).subarray(0, MAC_LENGTH);
  if (!sameBytes(mac, blob.subarray(blob.length - MAC_LENGTH))) {
    throw new MediaVerificationError('MAC mismatch');
  }
  let plaintext: Buffer;
  try {
    plaintext = aesDecryptWithIV(ciphertext, cipherKey, iv);
  } catch {
    throw new MediaVerificationError('AES-CBC decryption failed (bad padding)');
  }
  if (!sameBytes(sha256(plaintext), ref.fileSha256)) {
    throw new MediaVerificationError('fileSha256 mismatch');
  }
  return plaintext;
};
