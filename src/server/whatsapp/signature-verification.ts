import { randomBytes } from 'node:crypto';

import { Curve, generateSignalPubKey } from 'baileys';
import { Curve as CryptoModuleCurve } from 'baileys/lib/Utils/crypto.js';
import * as libsignalCurveModule from 'libsignal/src/curve.js';

/**
 * baileys@7.0.0-rc14's `Curve.verify` wraps libsignal's `verifySignature` in try/catch and returns
 * true unless it throws, but libsignal *returns* false for a bad signature. Every signature check
 * that goes through `Curve.verify` therefore passes: the noise certificate chain (server
 * authenticity) and the ADV account signature at pairing (WA-PROTOCOL §2). This module detects the
 * flaw at runtime and installs a verification that honours libsignal's boolean.
 */

type Verify = (pubKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

const libsignalVerify = (libsignalCurveModule as unknown as {
  verifySignature(publicKey: Buffer, message: Uint8Array, signature: Uint8Array): boolean;
}).verifySignature;

const strictVerify: Verify = (pubKey, message, signature) => {
  try {
    return libsignalVerify(Buffer.from(generateSignalPubKey(pubKey)), message, signature) === true;
  } catch {
    // Malformed key or signature (wrong length, wrong type byte): not a valid signature.
    return false;
  }
};

/**
 * `Curve` from the package index and the object Baileys' own modules import from
 * `lib/Utils/crypto.js` must be one instance, or patching one would leave the other checking
 * nothing. With a single resolved copy of baileys (ESM, no exports map) they are; if a bundler or
 * a duplicate install ever splits them, both get patched.
 */
const curveInstances = (): Array<{ verify: Verify }> =>
  CryptoModuleCurve === Curve ? [Curve] : [Curve, CryptoModuleCurve];

const ORIGINAL_VERIFY: Verify = Curve.verify;

/** True when `verify` accepts a signature made with a different key than the one it checks. */
const acceptsForeignSignatures = (verify: Verify): boolean => {
  const signer = Curve.generateKeyPair();
  const other = Curve.generateKeyPair();
  const message = randomBytes(32);
  const signature = Curve.sign(signer.private, message);
  return verify(other.public, message, signature);
};

const acceptsGenuineSignatures = (verify: Verify): boolean => {
  const signer = Curve.generateKeyPair();
  const message = randomBytes(32);
  return verify(signer.public, message, Curve.sign(signer.private, message));
};

/**
 * Detects the always-true `Curve.verify` and, if found, replaces it on Baileys' `Curve` object.
 * Idempotent: `wasBroken` describes the verification active when called (false once patched),
 * `patched` whether this module's verification is installed afterwards.
 */
export function ensureSignatureVerification(): { wasBroken: boolean; patched: boolean } {
  const instances = curveInstances();
  const wasBroken = instances.some(instance => acceptsForeignSignatures(instance.verify));
  if (wasBroken) {
    for (const instance of instances) {
      instance.verify = strictVerify;
    }
    if (acceptsForeignSignatures(Curve.verify) || !acceptsGenuineSignatures(Curve.verify)) {
      throw new Error('signature verification patch did not take effect');
    }
  }
  return { wasBroken, patched: instances.every(instance => instance.verify === strictVerify) };
}

/** Tests only: puts Baileys' original (flawed) verification back. */
export function restoreOriginalVerification(): void {
  for (const instance of curveInstances()) {
    instance.verify = ORIGINAL_VERIFY;
  }
}
