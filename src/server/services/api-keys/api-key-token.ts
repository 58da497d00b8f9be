import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "sb_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

/** 32 random bytes: a hash of it needs no salt or slow KDF, guessing is out of reach either way. */
export function newApiKeyToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), tokenHash: hashApiKeyToken(token) };
}

export function hashApiKeyToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap shape check before any database work: a bearer value that cannot be one of our keys is refused at once. */
export function looksLikeApiKeyToken(value: string): boolean {
  return /^sb_[A-Za-z0-9_-]{43}$/.test(value);
}
