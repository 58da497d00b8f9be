export interface ParsedQR {
  ref: string;
  noiseKey: Buffer;
  identityKey: Buffer;
  /** base64 as it appears in the QR (Baileys' creds.advSecretKey). */
  advSecret: string;
  platformId: string | undefined;
}

/**
 * Parses the QR payload Baileys emits in `connection.update`. rc14 emits
 * `https://wa.me/settings/linked_devices#ref,noise,identity,adv,platform`; older versions emitted
 * the bare `ref,noise,identity,adv` list, which is accepted too.
 */
export const parseQR = (qr: string): ParsedQR => {
  const hash = qr.indexOf('#');
  const fields = (hash >= 0 ? qr.slice(hash + 1) : qr).split(',');
  const [ref, noise, identity, adv, platformId] = fields;
  if (!ref || !noise || !identity || !adv) {
    throw new Error('QR: expected ref,noiseKey,identityKey,advSecret');
  }
  const noiseKey = Buffer.from(noise, 'base64');
  const identityKey = Buffer.from(identity, 'base64');
  if (noiseKey.length !== 32 || identityKey.length !== 32) {
    throw new Error('QR: noise and identity keys must be 32 bytes');
  }
  return { ref, noiseKey, identityKey, advSecret: adv, platformId };
};
