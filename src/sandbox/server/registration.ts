import { generateSignalPubKey, proto } from 'baileys';

import { libsignalCurve } from '../protocol/libsignal-curve';
import type { PendingRegistration } from './connection';

const readUInt = (bytes: Uint8Array | null | undefined): number | undefined =>
  bytes && bytes.byteLength > 0 && bytes.byteLength <= 6 ? Buffer.from(bytes).readUIntBE(0, bytes.byteLength) : undefined;

/**
 * Reads the companion's keys from `ClientPayload.devicePairingData`. The signed prekey must verify
 * with the identity key: that identity is what the phone will attest in the ADV record.
 */
export const parseRegistration = (
  data: proto.ClientPayload.IDevicePairingRegistrationData,
): PendingRegistration | undefined => {
  const registrationId = readUInt(data.eRegid);
  const keyId = readUInt(data.eSkeyId);
  const identityKey = data.eIdent;
  const publicKey = data.eSkeyVal;
  const signature = data.eSkeySig;
  if (
    registrationId === undefined ||
    keyId === undefined ||
    identityKey?.byteLength !== 32 ||
    publicKey?.byteLength !== 32 ||
    signature?.byteLength !== 64
  ) {
    return undefined;
  }
  if (!libsignalCurve.verifySignature(generateSignalPubKey(identityKey), generateSignalPubKey(publicKey), signature)) {
    return undefined;
  }
  let platform = 'unknown';
  if (data.deviceProps) {
    try {
      platform = proto.DeviceProps.decode(data.deviceProps).os ?? platform;
    } catch {
      // deviceProps is informational only
    }
  }
  return {
    identityKey: Buffer.from(identityKey),
    registrationId,
    signedPreKey: { keyId, publicKey: Buffer.from(publicKey), signature: Buffer.from(signature) },
    platform,
  };
};
