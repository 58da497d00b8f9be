import type { ApiKeyScope } from "./scopes";

/** Set only on /api/v1 requests, which an API key authenticates (never a cookie). */
export interface ApiKeyCaller {
  id: number;
  scopes: ApiKeyScope[];
}
