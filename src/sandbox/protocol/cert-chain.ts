import { Curve, proto, sha256, type KeyPair } from 'baileys';

import { libsignalCurve } from './libsignal-curve';

/** Which key signs the intermediate certificate; 'wrong' exists to prove clients check it. */
export type CertRootMode = 'correct' | 'wrong';

/** Serial numbers the client checks: the intermediate's issuer must be WA_CERT_DETAILS.SERIAL (0). */
const ROOT_SERIAL = 0;
const INTERMEDIATE_SERIAL = 1;
const LEAF_SERIAL = 2;

/** A deterministic Curve25519 key pair from a seed string (sha256 of it as the private key). */
export const keyPairFromSeed = (seed: string): KeyPair => {
  const privateKey = sha256(Buffer.from(seed, 'utf8'));
  return { private: privateKey, public: libsignalCurve.getPublicFromPrivateKey(privateKey).subarray(1) };
};

export interface ServerIdentity {
  root: KeyPair;
  /** The Noise static key the server proves possession of in the handshake. */
  serverStatic: KeyPair;
  /** Encoded `CertChain` sent (encrypted) in `serverHello.payload`. */
  certChain: Uint8Array;
}

export const createServerIdentity = (opts: { seed?: string; certRoot?: CertRootMode } = {}): ServerIdentity => {
  const root = opts.seed === undefined ? Curve.generateKeyPair() : keyPairFromSeed(`${opts.seed}/root`);
  const intermediate = Curve.generateKeyPair();
  const serverStatic = Curve.generateKeyPair();
  const signingRoot = opts.certRoot === 'wrong' ? Curve.generateKeyPair() : root;

  const intermediateDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: INTERMEDIATE_SERIAL,
    issuerSerial: ROOT_SERIAL,
    key: intermediate.public,
  }).finish();
  const leafDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: LEAF_SERIAL,
    issuerSerial: INTERMEDIATE_SERIAL,
    key: serverStatic.public,
  }).finish();
  const certChain = proto.CertChain.encode({
    intermediate: { details: intermediateDetails, signature: Curve.sign(signingRoot.private, intermediateDetails) },
    leaf: { details: leafDetails, signature: Curve.sign(intermediate.private, leafDetails) },
  }).finish();
  return { root, serverStatic, certChain };
};
