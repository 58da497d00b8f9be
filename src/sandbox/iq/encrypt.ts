import { generateSignalPubKey, type BinaryNode } from 'baileys';

import type { LinkedDevice } from '../directory/account';
import { libsignalCurve } from '../protocol/libsignal-curve';
import { child, childBytes, childrenOf, childUInt } from '../protocol/nodes';
import { bundleToUserNode, type PreKeyBundle } from '../peers/prekey-bundle';
import type { SandboxContext } from '../server/context';
import type { IqHandler, IqOutcome } from './types';

const readSignedPreKey = (
  node: BinaryNode | undefined,
): { keyId: number; publicKey: Uint8Array; signature: Uint8Array } | undefined => {
  const keyId = childUInt(node, 'id');
  const publicKey = childBytes(node, 'value');
  const signature = childBytes(node, 'signature');
  if (keyId === undefined || publicKey?.length !== 32 || signature?.length !== 64) {
    return undefined;
  }
  return { keyId, publicKey, signature };
};

const signedPreKeyIsValid = (identityKey: Uint8Array, skey: { publicKey: Uint8Array; signature: Uint8Array }) =>
  libsignalCurve.verifySignature(generateSignalPubKey(identityKey), generateSignalPubKey(skey.publicKey), skey.signature);

/** `<registration><type><identity><list><key>…<skey>`: the device uploads one-time prekeys. */
const uploadPreKeys = (iq: BinaryNode, device: LinkedDevice): IqOutcome => {
  const identity = childBytes(iq, 'identity');
  const registrationId = childUInt(iq, 'registration');
  const skey = readSignedPreKey(child(iq, 'skey'));
  if (!identity || identity.length !== 32 || registrationId === undefined || !skey) {
    return { error: { code: 400, text: 'bad-request' } };
  }
  // The identity key was attested at pairing; an upload must not swap it.
  if (!identity.equals(Buffer.from(device.identityKey))) {
    return { error: { code: 406, text: 'not-acceptable' } };
  }
  if (!signedPreKeyIsValid(identity, skey)) {
    return { error: { code: 406, text: 'bad-signature' } };
  }
  const keys: Array<{ keyId: number; publicKey: Uint8Array }> = [];
  for (const key of childrenOf(child(iq, 'list'), 'key')) {
    const keyId = childUInt(key, 'id');
    const publicKey = childBytes(key, 'value');
    if (keyId !== undefined && publicKey?.length === 32) {
      keys.push({ keyId, publicKey });
    }
  }
  device.prekeys.add(keys);
  device.registrationId = registrationId;
  device.signedPreKey = skey;
  return {};
};

/** `<key><user jid reason?/>…`: prekey bundles, by LID or PN, for companions and primary phones. */
const fetchBundles = async (iq: BinaryNode, ctx: SandboxContext): Promise<IqOutcome> => {
  const users: BinaryNode[] = [];
  for (const user of childrenOf(child(iq, 'key'), 'user')) {
    const jid = user.attrs.jid;
    const resolved = ctx.directory.resolve(jid);
    let bundle: PreKeyBundle | undefined;
    if (resolved?.deviceId === 0) {
      bundle = await resolved.account.peer.takeBundle();
    } else if (resolved?.device) {
      bundle = resolved.device.takeBundle();
    }
    users.push(
      bundle && jid
        ? bundleToUserNode(jid, bundle)
        : { tag: 'user', attrs: { jid: jid ?? '' }, content: [{ tag: 'error', attrs: { code: '404', text: 'item-not-found' } }] },
    );
  }
  return { content: [{ tag: 'list', attrs: {}, content: users }] };
};

export const encryptIq: IqHandler = (iq, conn, ctx) => {
  const device = conn.device;
  if (!device) {
    return { error: { code: 401, text: 'not-authorized' } };
  }
  const first = childrenOf(iq)[0];
  switch (first?.tag) {
    case 'count':
      return { content: [{ tag: 'count', attrs: { value: device.prekeys.available.toString() } }] };
    case 'registration':
      return uploadPreKeys(iq, device);
    case 'digest':
      // Baileys only checks that a <digest> comes back (WA-PROTOCOL §1 step 3).
      return { content: [{ tag: 'digest', attrs: {} }] };
    case 'key':
      return fetchBundles(iq, ctx);
    case 'rotate': {
      const skey = readSignedPreKey(child(first, 'skey'));
      if (!skey || !signedPreKeyIsValid(device.identityKey, skey)) {
        return { error: { code: 406, text: 'bad-signature' } };
      }
      device.signedPreKey = skey;
      return {};
    }
    default:
      return 'unhandled';
  }
};
