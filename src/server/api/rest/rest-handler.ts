import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { toTRPCError } from "../../errors";
import { authenticateApiKey, bearerToken } from "../../services/api-keys/authenticate-api-key";
import { createContext, type Context } from "../context";
import { appRouter, createCaller } from "../root";
import { typedParams } from "./query-input";
import { matchRestRoute, type RestRoute } from "./rest-routes";

/** JSON bodies beyond this are refused before parsing (CSV imports and pasted lists are the large ones). */
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

interface ErrorBody {
  message: string;
  code: string;
  appErrorCode?: string | null;
  errorId?: string | null;
  issues?: unknown;
}

/** The tRPC error as REST answers it: the same code and message the tRPC endpoint sends; internals only by error id. */
export function restError(error: TRPCError, ctx: Context | undefined, route?: RestRoute, input?: unknown): Response {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: route?.type ?? "unknown",
    path: route?.procedure,
    input,
    ctx,
  }) as { message: string; data: { appErrorCode?: string | null; errorId?: string | null; zodError?: unknown } };
  const body: ErrorBody = { message: shape.message, code: error.code };
  if (shape.data.appErrorCode) body.appErrorCode = shape.data.appErrorCode;
  if (shape.data.errorId) body.errorId = shape.data.errorId;
  if (shape.data.zodError) body.issues = shape.data.zodError;
  const headers: Record<string, string> = error.code === "UNAUTHORIZED" ? { "www-authenticate": 'Bearer realm="switchboard"' } : {};
  return json(getHTTPStatusCodeFromError(error), body, headers);
}

function asTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  return toTRPCError(error) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
}

/** The key behind the request's bearer token, as a tRPC context; cookies are never looked at. */
export async function apiKeyContext(req: Request): Promise<Context> {
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) throw new TRPCError({ code: "UNAUTHORIZED", message: "Send an API key as 'Authorization: Bearer <key>'" });
  const { session, apiKey } = await authenticateApiKey(token);
  return createContext({ headers: req.headers, session, apiKey });
}

async function readBody(req: Request): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as application/json" });
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "The body is too large" });
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "The body is too large" });
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TRPCError({ code: "PARSE_ERROR", message: "The body is not valid JSON" });
  }
}

function queryParams(url: URL): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (params[key] ??= []).push(value);
  return params;
}

async function routeInput(req: Request, url: URL, route: RestRoute, pathParams: Record<string, string>): Promise<unknown> {
  if (!route.shape) return undefined;
  const fromPath = typedParams(Object.fromEntries(Object.entries(pathParams).map(([k, v]) => [k, [v]])), route.shape);
  if (BODY_METHODS.has(req.method)) {
    const body = await readBody(req);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new TRPCError({ code: "BAD_REQUEST", message: "The body must be a JSON object" });
    return { ...body, ...fromPath };
  }
  return { ...typedParams(queryParams(url), route.shape), ...fromPath };
}

/** Calls a procedure by its tRPC path as the key's owner: every middleware (role, scope, ownership, limits) applies. */
export async function callAsKey(ctx: Context, procedure: string, input: unknown): Promise<unknown> {
  const caller = createCaller(ctx) as unknown as Record<string, unknown>;
  const fn = procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

/** /api/v1/<path>: the REST face of every procedure with REST meta, authenticated by an API key only. */
export async function handleRestRequest(req: Request, path: string): Promise<Response> {
  let ctx: Context | undefined;
  let route: RestRoute | undefined;
  let input: unknown;
  try {
    ctx = await apiKeyContext(req);
    const match = matchRestRoute(req.method, path);
    if (match === null) throw new TRPCError({ code: "NOT_FOUND", message: "No such API endpoint" });
    if (match === "wrong-method") throw new TRPCError({ code: "METHOD_NOT_SUPPORTED", message: `${req.method} is not supported here` });
    route = match.route;
    input = await routeInput(req, new URL(req.url), route, match.params);
    const data = await callAsKey(ctx, route.procedure, input);
    return json(200, data ?? null);
  } catch (error) {
    return restError(asTRPCError(error), ctx, route, input);
  }
}
