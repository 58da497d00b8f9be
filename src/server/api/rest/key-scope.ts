import { TRPCError } from "@trpc/server";
import type { ApiKeyScope } from "../../services/api-keys/scopes";
import type { ApiKeyCaller } from "../context";

interface ProcedureMeta {
  openapi?: unknown;
  scope?: ApiKeyScope;
}

/**
 * What an API key needs to call a procedure: the scope its REST meta names, else `read` for a query. A mutation
 * that names no scope, or a procedure with no REST route, is not for keys at all.
 */
export function requiredScope(meta: ProcedureMeta | undefined, type: string): ApiKeyScope | null {
  if (!meta?.openapi) return null;
  if (meta.scope) return meta.scope;
  return type === "query" ? "read" : null;
}

export function assertKeyMayCall(key: ApiKeyCaller, meta: ProcedureMeta | undefined, type: string): void {
  const scope = requiredScope(meta, type);
  if (!scope) throw new TRPCError({ code: "FORBIDDEN", message: "This action is not available to API keys" });
  if (!key.scopes.includes(scope)) throw new TRPCError({ code: "FORBIDDEN", message: `This API key lacks the "${scope}" scope` });
}

/** Administrator procedures need the admin scope on top of the account's role. */
export function assertKeyMayAdminister(key: ApiKeyCaller): void {
  if (!key.scopes.includes("admin")) throw new TRPCError({ code: "FORBIDDEN", message: `This API key lacks the "admin" scope` });
}
