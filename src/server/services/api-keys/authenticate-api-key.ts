import { db } from "../../db";
import { AppError } from "../../errors";
import { apiKeyLimiter, consume } from "../../security/rate-limit";
import type { SessionUser } from "../../auth/session-user";
import type { ApiKeyCaller } from "./api-key-caller";
import { hashApiKeyToken, looksLikeApiKeyToken } from "./api-key-token";
import { parseScopes } from "./scopes";

/** Last use is written at most this often per key: a busy integration must not turn every read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** "Bearer <token>" → the token; anything else (a cookie, Basic auth, nothing) → null. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}

/**
 * The account and key behind a bearer token, or UNAUTHORIZED with one message for every reason (unknown, revoked,
 * expired, locked account): a caller learns nothing about which keys exist. Spends one point of the key's limit.
 */
export async function authenticateApiKey(token: string): Promise<{ session: SessionUser; apiKey: ApiKeyCaller }> {
  const refused = new AppError("UNAUTHORIZED", "Invalid, expired or revoked API key");
  if (!looksLikeApiKeyToken(token)) throw refused;
  const key = await db().apiKey.findUnique({
    where: { tokenHash: hashApiKeyToken(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      rateLimitPerMinute: true,
      user: { select: { id: true, role: true, isActive: true, sessionVersion: true } },
    },
  });
  const now = new Date();
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now) || !key.user.isActive) throw refused;
  await consume(apiKeyLimiter(key.rateLimitPerMinute), `key:${key.id}`, "requests with this API key");
  await db().apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return {
    session: { id: key.user.id, role: key.user.role, sessionVersion: key.user.sessionVersion },
    apiKey: { id: key.id, scopes: parseScopes(key.scopes) },
  };
}
