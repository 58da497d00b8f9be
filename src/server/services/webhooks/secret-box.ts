import { randomBytes } from "node:crypto";
import { authCipher } from "../../whatsapp/auth-state-crypto";

/** A new signing secret: 32 random bytes, base64url, with a prefix that says what it is when it turns up somewhere. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

// The WA_AUTH_KEY cipher binds each ciphertext to a row reference: a sealed secret opens only for the same owner.
const rowRef = (ownerId: number) => ({ deviceDbId: ownerId, category: "webhook-secret", keyId: "" });

export function sealWebhookSecret(ownerId: number, secret: string): string {
  return authCipher().encrypt(rowRef(ownerId), Buffer.from(secret, "utf8")).toString("base64");
}

export function openWebhookSecret(ownerId: number, sealed: string): string {
  return authCipher().decrypt(rowRef(ownerId), Buffer.from(sealed, "base64")).toString("utf8");
}
