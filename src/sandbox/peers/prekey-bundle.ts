import { encodeBigEndian, generateSignalPubKey, KEY_BUNDLE_TYPE, type BinaryNode } from 'baileys';

/** What a device publishes so others can open a Signal session with it (keys without the 0x05 prefix). */
export interface PreKeyBundle {
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: { keyId: number; publicKey: Uint8Array; signature: Uint8Array };
  preKey?: { keyId: number; publicKey: Uint8Array };
}

/** `<user jid>` entry of an `encrypt get <key>` result, exactly as `parseAndInjectE2ESessions` reads it. */
export const bundleToUserNode = (jid: string, bundle: PreKeyBundle): BinaryNode => ({
  tag: 'user',
  attrs: { jid },
  content: [
    { tag: 'registration', attrs: {}, content: encodeBigEndian(bundle.registrationId, 4) },
    { tag: 'type', attrs: {}, content: KEY_BUNDLE_TYPE },
    { tag: 'identity', attrs: {}, content: bundle.identityKey },
    ...(bundle.preKey
      ? [
          {
            tag: 'key',
            attrs: {},
            content: [
              { tag: 'id', attrs: {}, content: encodeBigEndian(bundle.preKey.keyId, 3) },
              { tag: 'value', attrs: {}, content: bundle.preKey.publicKey },
            ],
          },
        ]
      : []),
    {
      tag: 'skey',
      attrs: {},
      content: [
        { tag: 'id', attrs: {}, content: encodeBigEndian(bundle.signedPreKey.keyId, 3) },
        { tag: 'value', attrs: {}, content: bundle.signedPreKey.publicKey },
        { tag: 'signature', attrs: {}, content: bundle.signedPreKey.signature },
      ],
    },
  ],
});

/** The shape `SignalRepository.injectE2ESession` expects (33-byte prefixed public keys). */
export const bundleToE2ESession = (bundle: PreKeyBundle) => ({
  registrationId: bundle.registrationId,
  identityKey: generateSignalPubKey(bundle.identityKey),
  signedPreKey: {
    keyId: bundle.signedPreKey.keyId,
    publicKey: generateSignalPubKey(bundle.signedPreKey.publicKey),
    signature: bundle.signedPreKey.signature,
  },
  ...(bundle.preKey
    ? { preKey: { keyId: bundle.preKey.keyId, publicKey: generateSignalPubKey(bundle.preKey.publicKey) } }
    : {}),
});
