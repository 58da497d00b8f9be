import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/env";

/** Identifies one WaAuthEntry row; bound into the AAD so a ciphertext only decrypts in the row it was written for. */
export interface AuthRowRef {
  deviceDbId: number;
  category: string;
  keyId: string;
}

export interface AuthCipher {
  encrypt(row: AuthRowRef, plaintext: Buffer): Buffer;
  decrypt(row: AuthRowRef, blob: Uint8Array): Buffer;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export class AuthKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthKeyError";
  }
}

export class AuthDecryptError extends Error {
  constructor(row: AuthRowRef, reason: string) {
    super(`Cannot decrypt WhatsApp auth entry ${row.category}/${row.keyId || "-"} of device #${row.deviceDbId}: ${reason}`);
    this.name = "AuthDecryptError";
  }
}

/** WA_AUTH_KEY: exactly 32 bytes written as 64 hex characters or as base64 (standard or URL-safe). */
export function parseAuthKey(raw: string): Buffer {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === 32) return bytes;
    throw new AuthKeyError(`WA_AUTH_KEY must be 32 bytes; the base64 value decodes to ${bytes.length} bytes`);
  }
  throw new AuthKeyError("WA_AUTH_KEY must be 32 bytes written as 64 hex characters or as base64 (e.g. `openssl rand -base64 32`)");
}

function aad(row: AuthRowRef): Buffer {
  // Length-prefixed fields: "1|a|b" and "1|a|" + "b" can never collide however the parts are chosen.
  const parts = [String(row.deviceDbId), row.category, row.keyId].map((p) => {
    const bytes = Buffer.from(p, "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  });
  return Buffer.concat([Buffer.from(`switchboard.wa-auth.v${VERSION}`), ...parts]);
}

export function createAuthCipher(key: Buffer): AuthCipher {
  if (key.length !== 32) throw new AuthKeyError("The auth-state key must be 32 bytes");
  return {
    encrypt(row, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(row));
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
    },
    decrypt(row, blob) {
      const data = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
      if (data.length < HEADER_BYTES) throw new AuthDecryptError(row, "entry is truncated");
      if (data[0] !== VERSION) throw new AuthDecryptError(row, `unknown format version ${data[0]}`);
      const iv = data.subarray(1, 1 + IV_BYTES);
      const tag = data.subarray(1 + IV_BYTES, HEADER_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(row));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]);
      } catch {
        throw new AuthDecryptError(row, "authentication failed (wrong WA_AUTH_KEY, tampered data or a row moved to another place)");
      }
    },
  };
}

let cached: { raw: string; cipher: AuthCipher } | undefined;

/** The cipher for WA_AUTH_KEY; throws AuthKeyError at first use when the key is malformed. */
export function authCipher(): AuthCipher {
  const raw = env().WA_AUTH_KEY;
  if (cached?.raw !== raw) cached = { raw, cipher: createAuthCipher(parseAuthKey(raw)) };
  return cached.cipher;
}
