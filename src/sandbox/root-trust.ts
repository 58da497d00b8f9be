import { WA_CERT_DETAILS } from 'baileys';

/**
 * Makes Baileys trust the sandbox's noise root instead of WhatsApp's. Sandbox mode only: live
 * mode must never call this. It mutates Baileys' exported `WA_CERT_DETAILS`, which the noise
 * handler reads at handshake time; that works because the object is not frozen and ESM gives one
 * module instance, i.e. only while exactly one copy of baileys is resolved in the process.
 */
export const installSandboxRoot = (rootPublicKey: Uint8Array): void => {
  if (rootPublicKey.byteLength !== 32) {
    throw new Error('sandbox root public key must be 32 bytes');
  }
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(rootPublicKey);
};

const WHATSAPP_ROOT = Buffer.from(WA_CERT_DETAILS.PUBLIC_KEY);

/** Puts WhatsApp's own root back (tests that switch between sandboxes or modes). */
export const restoreWhatsAppRoot = (): void => {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(WHATSAPP_ROOT);
};
