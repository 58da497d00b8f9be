import { db } from "../../db";
import { AppError } from "../../errors";
import type { ServiceCall } from "../devices/types";
import { newApiKeyToken } from "./api-key-token";
import { apiKeySelect, toApiKeyView, type ApiKeyView } from "./api-key-view";
import { recordKeyAction } from "./record-key-action";
import { formatScopes, type ApiKeyScope } from "./scopes";

/** Enough for every integration a person runs; a bound on rows that every request may have to look through. */
export const MAX_ACTIVE_KEYS_PER_USER = 50;

export interface CreateApiKeyInput extends ServiceCall {
  name: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  rateLimitPerMinute: number;
}

/** The token is returned here once and never again: only its hash is stored. */
export async function createApiKey(input: CreateApiKeyInput): Promise<{ key: ApiKeyView; token: string }> {
  if (input.scopes.includes("admin") && input.actor.role !== "admin") {
    throw new AppError("FORBIDDEN", "Only administrators may create keys with the admin scope");
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError("INVALID_INPUT", "The expiry must be in the future");
  }
  const active = await db().apiKey.count({
    where: { userId: input.actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
  });
  if (active >= MAX_ACTIVE_KEYS_PER_USER) {
    throw new AppError("LIMIT_EXCEEDED", `At most ${MAX_ACTIVE_KEYS_PER_USER} active keys; revoke one first`);
  }
  const { token, prefix, tokenHash } = newApiKeyToken();
  const row = await db().apiKey.create({
    data: {
      userId: input.actor.id,
      name: input.name,
      prefix,
      tokenHash,
      scopes: formatScopes(input.scopes),
      expiresAt: input.expiresAt,
      rateLimitPerMinute: input.rateLimitPerMinute,
    },
    select: apiKeySelect,
  });
  const key = toApiKeyView(row);
  await recordKeyAction(input, "apiKey.create", key);
  return { key, token };
}
