import { z } from "zod";

/** What a key may do: read anything its owner may read; send messages and run jobs; manage devices; admin actions. */
export const API_KEY_SCOPES = ["read", "send", "devices", "admin"] as const;
export const ZApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ZApiKeyScope>;

export function formatScopes(scopes: readonly ApiKeyScope[]): string {
  return API_KEY_SCOPES.filter((scope) => scopes.includes(scope)).join(",");
}

/** Unknown names in a stored row (a scope removed later) are dropped rather than trusted. */
export function parseScopes(stored: string): ApiKeyScope[] {
  return stored.split(",").flatMap((name) => {
    const parsed = ZApiKeyScope.safeParse(name);
    return parsed.success ? [parsed.data] : [];
  });
}
