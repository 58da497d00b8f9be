import type { OpenApiMethod } from "trpc-to-openapi";
import type { ApiKeyScope } from "../../services/api-keys/scopes";
import type { ApiMeta } from "../trpc";

export type RestTag = "Activity" | "Devices" | "Chats" | "Contacts" | "Messages" | "Scheduled" | "Jobs" | "Opt-outs" | "Templates" | "Account" | "Bot" | "Webhooks" | "Admin";

/**
 * Exposes a procedure under /api/v1 at `path`. `scope` is what an API key needs: queries default to read; every
 * mutation names its own (send: messages and the data they use; devices: pairing and connections; admin).
 */
export function rest(method: OpenApiMethod, path: `/${string}`, tag: RestTag, summary: string, scope?: ApiKeyScope): ApiMeta {
  return { openapi: { method, path, tags: [tag], summary, protect: true }, ...(scope ? { scope } : {}) };
}
