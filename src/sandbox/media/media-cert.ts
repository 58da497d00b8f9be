import { isIP } from 'node:net';
import { generate } from 'selfsigned';

export interface MediaCert {
  keyPem: string;
  certPem: string;
}

const VALID_DAYS = 30;

/**
 * A fresh self-signed certificate for the media server, made at every start (nothing on disk).
 * Baileys hard-codes https:// for media, so clients trust this PEM explicitly (config.ts) instead
 * of anyone turning TLS verification off.
 */
export const createMediaCert = async (host: string): Promise<MediaCert> => {
  const altNames: Array<{ type: 2; value: string } | { type: 7; ip: string }> = [
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
    { type: 2, value: 'localhost' },
  ];
  if (isIP(host) && host !== '127.0.0.1' && host !== '::1') {
    altNames.push({ type: 7, ip: host });
  } else if (!isIP(host) && host !== 'localhost') {
    altNames.push({ type: 2, value: host });
  }
  const notBeforeDate = new Date(Date.now() - 60_000); // tolerate small clock skew between processes
  const pems = await generate([{ name: 'commonName', value: 'WhatsApp sandbox media' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { keyPem: pems.private, certPem: pems.cert };
};
