import {
  aesDecryptCTR,
  aesDecryptGCM,
  aesEncryptCTR,
  Curve,
  derivePairingCodeKey,
  hkdf,
} from 'baileys';
import { randomBytes } from 'node:crypto';

/** Phone-side crypto of pairing by code (WA-PROTOCOL §6.2), built from Baileys' helpers only. */

const WRAPPED_LENGTH = 80;
const BUNDLE_INFO = 'link_code_pairing_key_bundle_encryption_key';
const ADV_INFO = 'adv_secret';

/** `salt(32) || iv(16) || AES-256-CTR(PBKDF2(code, salt), iv, pub(32))`. CTR has no MAC: a wrong code yields a wrong key. */
export const unwrapEphemeral = async (wrapped: Uint8Array, code: string): Promise<Buffer> => {
  if (wrapped.byteLength !== WRAPPED_LENGTH) {
    throw new Error(`wrapped ephemeral key must be ${WRAPPED_LENGTH} bytes`);
  }
  const bytes = Buffer.from(wrapped);
  const key = await derivePairingCodeKey(code, bytes.subarray(0, 32));
  return aesDecryptCTR(bytes.subarray(48, 80), key, bytes.subarray(32, 48));
};

export const wrapEphemeral = async (publicKey: Uint8Array, code: string): Promise<Buffer> => {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const key = await derivePairingCodeKey(code, salt);
  return Buffer.concat([salt, iv, aesEncryptCTR(publicKey, key, iv)]);
};

/**
 * Opens the companion's key bundle: `salt(32) || iv(12) || GCM(companionIdentity || primaryIdentity || random)`.
 * Throws (GCM authentication) when the code typed on the phone differs from the companion's.
 */
export const openKeyBundle = (
  bundle: Uint8Array,
  companionSharedKey: Uint8Array,
): { companionIdentity: Buffer; primaryIdentity: Buffer; random: Buffer } => {
  const bytes = Buffer.from(bundle);
  const key = Buffer.from(hkdf(companionSharedKey, 32, { salt: bytes.subarray(0, 32), info: BUNDLE_INFO }));
  const plaintext = aesDecryptGCM(bytes.subarray(44), key, bytes.subarray(32, 44), Buffer.alloc(0));
  if (plaintext.length !== 96) {
    throw new Error('key bundle has an unexpected length');
  }
  return {
    companionIdentity: plaintext.subarray(0, 32),
    primaryIdentity: plaintext.subarray(32, 64),
    random: plaintext.subarray(64, 96),
  };
};

export const deriveAdvSecret = (
  companionSharedKey: Uint8Array,
  primaryIdentityPrivate: Uint8Array,
  companionIdentity: Uint8Array,
  random: Uint8Array,
): Buffer => {
  const identitySharedKey = Curve.sharedKey(primaryIdentityPrivate, companionIdentity);
  return Buffer.from(hkdf(Buffer.concat([companionSharedKey, identitySharedKey, random]), 32, { info: ADV_INFO }));
};
