import {
  Curve,
  generateSignalPubKey,
  hmacSign,
  proto,
  WA_ADV_ACCOUNT_SIG_PREFIX,
  WA_ADV_DEVICE_SIG_PREFIX,
  type BinaryNode,
  type KeyPair,
} from 'baileys';
import { randomInt } from 'node:crypto';

import { libsignalCurve } from '../protocol/libsignal-curve';
import { bytesOf, child } from '../protocol/nodes';

export interface AdvInput {
  /** The account (primary phone) signing key. */
  accountKey: KeyPair;
  companionIdentityKey: Uint8Array;
  keyIndex: number;
  /** Raw ADV secret (QR field 4 decoded, or the pairing-code derived one). */
  advSecret: Uint8Array;
  /** Sign with an unrelated key: a correct client must reject the pairing. */
  wrongSignature?: boolean;
}

/** Builds `ADVSignedDeviceIdentityHMAC`, what the phone attests about the new companion in `pair-success`. */
export const buildSignedDeviceIdentity = (input: AdvInput): Uint8Array => {
  const details = proto.ADVDeviceIdentity.encode({
    rawId: randomInt(1, 2 ** 31),
    timestamp: Math.floor(Date.now() / 1000),
    keyIndex: input.keyIndex,
  }).finish();
  const signer = input.wrongSignature ? Curve.generateKeyPair() : input.accountKey;
  const accountSignature = Curve.sign(
    signer.private,
    Buffer.concat([WA_ADV_ACCOUNT_SIG_PREFIX, details, input.companionIdentityKey]),
  );
  const signed = proto.ADVSignedDeviceIdentity.encode({
    details,
    accountSignatureKey: input.accountKey.public,
    accountSignature,
  }).finish();
  return proto.ADVSignedDeviceIdentityHMAC.encode({
    details: signed,
    hmac: hmacSign(signed, Buffer.from(input.advSecret)),
  }).finish();
};

/**
 * Checks the companion's `pair-device-sign` reply: its device signature over
 * `06 01 || details || companionIdentity || accountKey` must verify with its identity key.
 */
export const verifyPairDeviceSign = (
  reply: BinaryNode,
  accountPublicKey: Uint8Array,
  companionIdentityKey: Uint8Array,
): { ok: true; keyIndex: number } | { ok: false; reason: string } => {
  if (reply.attrs.type !== 'result') {
    return { ok: false, reason: `pair-success answered with type=${reply.attrs.type}` };
  }
  const identityNode = child(child(reply, 'pair-device-sign'), 'device-identity');
  const bytes = bytesOf(identityNode);
  if (!identityNode || !bytes) {
    return { ok: false, reason: 'pair-device-sign without device-identity' };
  }
  const signed = proto.ADVSignedDeviceIdentity.decode(bytes);
  if (!signed.details || !signed.deviceSignature) {
    return { ok: false, reason: 'device-identity without details or deviceSignature' };
  }
  const message = Buffer.concat([WA_ADV_DEVICE_SIG_PREFIX, signed.details, companionIdentityKey, accountPublicKey]);
  if (!libsignalCurve.verifySignature(generateSignalPubKey(companionIdentityKey), message, signed.deviceSignature)) {
    return { ok: false, reason: 'device signature does not verify' };
  }
  return { ok: true, keyIndex: Number(identityNode.attrs['key-index'] ?? 0) };
};
