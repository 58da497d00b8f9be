import * as curveModule from 'libsignal/src/curve.js';

/**
 * The parts of libsignal's curve module the sandbox needs. `getPublicFromPrivateKey` exists at
 * runtime but is missing from libsignal's bundled .d.ts, hence the narrowing cast.
 */
interface LibsignalCurve {
  getPublicFromPrivateKey(privateKey: Buffer): Buffer;
  /** Returns false for a bad signature (it only throws on malformed input). */
  verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

export const libsignalCurve = curveModule as unknown as LibsignalCurve;
