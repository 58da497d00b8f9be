import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../../src/server/services/api-keys/create-api-key";
import { hashApiKeyToken } from "../../../src/server/services/api-keys/api-key-token";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { startApp, type RunningApp } from "../../helpers/http-app";

/**
 * The REST API through the production server: keys authenticate over real HTTP, API-key routes pass the cross-site
 * guard (they read no cookies), the docs page runs under a nonce policy with a local viewer, and no token (nor its
 * hash) reaches the server's output at the most verbose log level.
 */
let app: RunningApp;
let user: TestUser;
let token: string;

beforeAll(async () => {
  await resetDb();
  user = await createUser();
  ({ token } = await createApiKey({ actor: { id: user.id, role: "user" }, meta: { ip: "127.0.0.1" }, name: "http", scopes: ["read"], expiresAt: null, rateLimitPerMinute: 600 }));
  app = await startApp(undefined, { LOG_LEVEL: "trace" });
});

afterAll(async () => {
  await app?.stop();
});

describe("the REST API over HTTP", () => {
  it("answers a key, refuses a cookie, and lets a cross-site call reach the scope check", async () => {
    const ok = await fetch(`${app.baseUrl}/api/v1/devices`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const seed = await fetch(`${app.baseUrl}/api/whatsapp-multi-device/devices`, { headers: { authorization: `Bearer ${token}` } });
    expect(await seed.json()).toEqual({ success: true, data: [] });

    const crossSite = await fetch(`${app.baseUrl}/api/v1/devices/some-device/connect`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, origin: "http://evil.example", "content-type": "application/json" },
      body: "{}",
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ code: "FORBIDDEN", message: 'This API key lacks the "devices" scope' });

    const unknown = await fetch(`${app.baseUrl}/api/v1/devices`, { headers: { authorization: `Bearer sb_${"A".repeat(43)}` } });
    expect(unknown.status).toBe(401);
    const noKey = await fetch(`${app.baseUrl}/api/v1/devices`);
    expect(noKey.status).toBe(401);
  });

  it("serves the document and the docs page with a nonce and local assets only", async () => {
    const doc = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
    const page = await fetch(`${app.baseUrl}/api/docs`);
    const html = await page.text();
    const policy = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${app.baseUrl}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect((await fetch(`${app.baseUrl}/api/docs/assets/package.json`)).status).toBe(404);
  });

  it("never writes a key or its hash to the log", () => {
    const output = app.output();
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(3));
    expect(output).not.toContain(hashApiKeyToken(token));
    expect(output).not.toContain("A".repeat(43));
  });
});
