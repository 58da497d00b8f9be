import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import type { StartedSandbox } from "../../../src/sandbox";
import { handleRestRequest } from "../../../src/server/api/rest/rest-handler";
import { requiredScope } from "../../../src/server/api/rest/key-scope";
import { restRoutes, type RestRoute } from "../../../src/server/api/rest/rest-routes";
import { appRouter } from "../../../src/server/api/root";
import { createApiKey } from "../../../src/server/services/api-keys/create-api-key";
import { API_KEY_SCOPES, type ApiKeyScope } from "../../../src/server/services/api-keys/scopes";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { makeProcedureWorld } from "../../helpers/procedure-world";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";
import { PROCEDURE_CASES } from "../router/procedure-cases";

/**
 * Every /api/v1 endpoint, driven by the tRPC procedure cases: a key without the endpoint's scope gets 403, a key with
 * it succeeds (or fails for the procedure's declared domain reason), and another user's key naming the owner's
 * resources gets the 404 a missing id gets. Requests go through the REST handler the route uses, in process.
 */
let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
const savedSandboxUrl = process.env.WA_SANDBOX_URL;

beforeAll(async () => {
  await resetDb();
  sandbox = await startTestSandbox();
  manager = startTestManager(sandbox);
  process.env.WA_SANDBOX_URL = `http://127.0.0.1:${sandbox.port}`;
  resetEnvCache();
});

afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
  if (savedSandboxUrl === undefined) delete process.env.WA_SANDBOX_URL;
  else process.env.WA_SANDBOX_URL = savedSandboxUrl;
  resetEnvCache();
});

const USER_SCOPES: ApiKeyScope[] = ["read", "send", "devices"];

async function keyFor(user: TestUser, scopes: ApiKeyScope[]): Promise<string> {
  const { token } = await createApiKey({ actor: { id: user.id, role: user.role }, meta: { ip: "127.0.0.1" }, name: "test", scopes, expiresAt: null, rateLimitPerMinute: 6000 });
  return token;
}

const makeWorld = () => makeProcedureWorld(sandbox, "REST");

/** The REST request for a procedure input: path parameters filled in, the rest as query (GET/DELETE) or JSON body. */
function restRequest(route: RestRoute, template: string, input: unknown, token: string): Request {
  const fields = { ...((input ?? {}) as Record<string, unknown>) };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fields[name];
    delete fields[name];
    return encodeURIComponent(String(value));
  });
  const url = new URL(`http://app.test/api/v1${path}`);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "x-forwarded-for": "127.0.0.1" };
  if (route.method === "GET" || route.method === "DELETE") {
    for (const [key, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    return new Request(url, { method: route.method, headers });
  }
  return new Request(url, { method: route.method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(fields) });
}

async function send(route: RestRoute, input: unknown, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const template = metaOf(route.procedure).openapi.path;
  const request = restRequest(route, template, input, token);
  const response = await handleRestRequest(request, new URL(request.url).pathname.replace(/^\/api\/v1/, ""));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Meta {
  openapi: { path: string; method: string };
  scope?: ApiKeyScope;
}

function metaOf(procedure: string): Meta {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;
  return procedures[procedure]!._def.meta!;
}

const HTTP_STATUS: Record<string, number> = { PRECONDITION_FAILED: 412, CONFLICT: 409, NOT_FOUND: 404, FORBIDDEN: 403, TIMEOUT: 408, SERVICE_UNAVAILABLE: 503, BAD_REQUEST: 400 };

describe("every /api/v1 endpoint", () => {
  const routes = restRoutes();

  it("covers the procedures it should, each with a procedure case", () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) expect(PROCEDURE_CASES[route.procedure], route.procedure).toBeDefined();
    // Key management is never reachable with a key.
    expect(routes.some((r) => r.procedure.startsWith("apiKey."))).toBe(false);
  });

  for (const route of routes) {
    it(`${route.method} ${metaOf(route.procedure).openapi.path} (${route.procedure})`, async () => {
      const kase = PROCEDURE_CASES[route.procedure]!;
      const scope = requiredScope(metaOf(route.procedure), route.type)!;
      const w = await makeWorld();
      const caller = kase.access === "admin" ? w.admin : w.owner;
      const granted: ApiKeyScope[] = kase.access === "admin" ? [...API_KEY_SCOPES] : USER_SCOPES;
      const [rightKey, wrongKey] = await Promise.all([keyFor(caller, granted), keyFor(caller, API_KEY_SCOPES.filter((s) => s !== scope && (caller.role === "admin" || s !== "admin")))]);

      const wrong = await send(route, kase.input(w), wrongKey);
      expect(wrong.status, "a key without the scope").toBe(403);
      expect(wrong.body).toMatchObject({ code: "FORBIDDEN", message: `This API key lacks the "${scope}" scope` });

      if (kase.missing) {
        const otherKey = await keyFor(w.other, USER_SCOPES);
        const stranger = await send(route, kase.input(w), otherKey);
        const missing = await send(route, kase.missing(w), rightKey);
        expect(missing.status, "the owner naming a missing id").toBe(404);
        expect(stranger, "another user's resource answers like a missing one").toEqual(missing);
      }

      const right = await send(route, kase.input(w), rightKey);
      const allowed = [200, ...(kase.domainErrors ?? []).map((code) => HTTP_STATUS[code])];
      expect(allowed, `${right.status} ${JSON.stringify(right.body).slice(0, 300)}`).toContain(right.status);
      await kase.settle?.(w);
    });
  }
});
