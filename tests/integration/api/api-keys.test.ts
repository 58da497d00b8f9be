import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { handleRestRequest } from "../../../src/server/api/rest/rest-handler";
import { openApiDocument } from "../../../src/server/api/rest/openapi-document";
import { handleSeedRequest } from "../../../src/server/api/rest/seed-compat";
import { db } from "../../../src/server/db";
import { hashApiKeyToken } from "../../../src/server/services/api-keys/api-key-token";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

beforeAll(async () => {
  await resetDb();
});

async function newKey(user: TestUser, input: { scopes?: Array<"read" | "send" | "devices" | "admin">; expiresAt?: Date | null; rateLimitPerMinute?: number } = {}) {
  return (await callerFor(user)).apiKey.create({ name: "Integration", scopes: input.scopes ?? ["read"], expiresAt: input.expiresAt ?? null, rateLimitPerMinute: input.rateLimitPerMinute ?? 120 });
}

function rest(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, headers: { "x-forwarded-for": "127.0.0.1", ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  return handleRestRequest(new Request(`http://app.test/api/v1${path}`, init), path.split("?")[0]!);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API keys", () => {
  it("stores only the hash and a display prefix, and shows the token once", async () => {
    const user = await createUser();
    const { key, token } = await newKey(user, { scopes: ["read", "send", "read"] });
    expect(token).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    expect(key.scopes).toEqual(["read", "send"]);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.tokenHash).toBe(hashApiKeyToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(token.startsWith(row.prefix)).toBe(true);
    const listed = await (await callerFor(user)).apiKey.list();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0]).not.toHaveProperty("tokenHash");
  });

  it("gives the admin scope to administrators only", async () => {
    const user = await createUser();
    await expect(newKey(user, { scopes: ["admin"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().apiKey.count({ where: { userId: user.id } })).toBe(0);
    const admin = await createUser("admin");
    const { key } = await newKey(admin, { scopes: ["read", "admin"] });
    expect(key.scopes).toEqual(["read", "admin"]);
  });

  it("refuses a past expiry and bad input without writing", async () => {
    const user = await createUser();
    await expect(newKey(user, { expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect((await callerFor(user)).apiKey.create({ name: " ", scopes: ["read"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect((await callerFor(user)).apiKey.create({ name: "x", scopes: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db().apiKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("records activity for every key action, and audits an administrator's", async () => {
    const user = await createUser();
    const { key } = await newKey(user);
    await (await callerFor(user)).apiKey.revoke({ apiKeyId: key.id });
    const actions = await db().activityLog.findMany({ where: { userId: user.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["apiKey.create", "apiKey.revoke"]);
    expect(await db().auditLog.count({ where: { actorId: user.id } })).toBe(0);

    const admin = await createUser("admin");
    const created = await newKey(admin, { scopes: ["admin"] });
    await (await callerFor(admin)).apiKey.revoke({ apiKeyId: created.key.id });
    const audits = await db().auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.targetType, a.targetId])).toEqual([
      ["apiKey.create", "apiKey", String(created.key.id)],
      ["apiKey.revoke", "apiKey", String(created.key.id)],
    ]);
    expect(JSON.stringify(audits)).not.toContain(created.token);
  });

  it("authenticates by bearer key only, and notes the last use", async () => {
    const user = await createUser();
    const { key, token } = await newKey(user);
    const noKey = await rest("GET", "/devices");
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("www-authenticate")).toContain("Bearer");
    // A browser's session cookie is no credential here.
    expect((await rest("GET", "/devices", { cookie: "next-auth.session-token=anything" })).status).toBe(401);
    expect((await rest("GET", "/devices", bearer("sb_" + "x".repeat(43)))).status).toBe(401);
    expect((await rest("GET", "/devices", { authorization: `Basic ${token}` })).status).toBe(401);

    const ok = await rest("GET", "/devices", bearer(token));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ items: [], nextCursor: null });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("stops working at once when revoked, when expired, and when the account is locked", async () => {
    const user = await createUser();
    const revoked = await newKey(user);
    expect((await rest("GET", "/devices", bearer(revoked.token))).status).toBe(200);
    await (await callerFor(user)).apiKey.revoke({ apiKeyId: revoked.key.id });
    const afterRevoke = await rest("GET", "/devices", bearer(revoked.token));
    expect(afterRevoke.status).toBe(401);
    expect(await afterRevoke.json()).toMatchObject({ code: "UNAUTHORIZED", message: "Invalid, expired or revoked API key" });

    const expiring = await newKey(user, { expiresAt: new Date(Date.now() + 60_000) });
    expect((await rest("GET", "/devices", bearer(expiring.token))).status).toBe(200);
    await db().apiKey.update({ where: { id: expiring.key.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await rest("GET", "/devices", bearer(expiring.token))).status).toBe(401);

    const live = await newKey(user);
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    expect((await rest("GET", "/devices", bearer(live.token))).status).toBe(401);
  });

  it("another user's key cannot revoke, and revoking twice changes nothing", async () => {
    const [owner, other] = await Promise.all([createUser(), createUser()]);
    const { key } = await newKey(owner);
    await expect((await callerFor(other)).apiKey.revoke({ apiKeyId: key.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const first = await (await callerFor(owner)).apiKey.revoke({ apiKeyId: key.id });
    const second = await (await callerFor(owner)).apiKey.revoke({ apiKeyId: key.id });
    expect(second.revokedAt).toEqual(first.revokedAt);
    expect(await db().activityLog.count({ where: { userId: owner.id, action: "apiKey.revoke" } })).toBe(1);
  });

  it("answers 429 once a key spends its per-minute allowance, without touching other keys", async () => {
    const user = await createUser();
    const limited = await newKey(user, { rateLimitPerMinute: 3 });
    const other = await newKey(user, { rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await rest("GET", "/media/limits", bearer(limited.token))).status).toBe(200);
    const refused = await rest("GET", "/media/limits", bearer(limited.token));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((await rest("GET", "/media/limits", bearer(other.token))).status).toBe(200);
  });

  it("keeps tRPC's error codes: bad input 400 with issues, unknown endpoint 404, wrong method 405, no JSON 415", async () => {
    const user = await createUser();
    const { token } = await newKey(user, USER_ALL);
    const bad = await rest("POST", "/contacts", bearer(token), { name: "", phone: "nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "BAD_REQUEST", issues: { fieldErrors: expect.any(Object) } });
    expect((await rest("GET", "/no/such/thing", bearer(token))).status).toBe(404);
    expect((await rest("PUT", "/devices", bearer(token), {})).status).toBe(405);
    const form = await handleRestRequest(
      new Request("http://app.test/api/v1/contacts", { method: "POST", headers: { ...bearer(token), "content-type": "text/plain" }, body: "name=x" }),
      "/contacts",
    );
    expect(form.status).toBe(415);
    // Query strings are typed by the schema: numbers and booleans arrive as such, "false" stays false.
    const page = await rest("GET", "/devices?limit=5&connectedOnly=false", bearer(token));
    expect(page.status).toBe(200);
    expect((await rest("GET", "/devices?limit=abc", bearer(token))).status).toBe(400);
  });
});

const USER_ALL = { scopes: ["read", "send", "devices"] as Array<"read" | "send" | "devices"> };

describe("the seed's paths", () => {
  const seed = (method: string, path: string, token: string, body?: unknown) =>
    handleSeedRequest(
      new Request(`http://app.test/api/whatsapp-multi-device${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "127.0.0.1", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      path,
    );

  it("create, list, QR, send and bulk-send answer in the seed's envelope on the same services", async () => {
    const [admin, user, other] = await Promise.all([createUser("admin"), createUser(), createUser()]);
    const adminKey = (await newKey(admin, { scopes: ["read", "send", "devices", "admin"] })).token;
    const userKey = (await newKey(user, USER_ALL)).token;
    const otherKey = (await newKey(other, USER_ALL)).token;

    const created = await seed("POST", "/devices", adminKey, { deviceName: "Device Utama", userId: user.id });
    expect(created.status).toBe(200);
    const device = ((await created.json()) as { success: boolean; data: { deviceId: string; userId: number; status: string } });
    expect(device).toMatchObject({ success: true, data: { deviceName: "Device Utama", userId: user.id, status: "disconnected" } });
    const deviceId = device.data.deviceId;
    // Creating devices is an administrator's action, as in the seed.
    expect((await seed("POST", "/devices", userKey, { deviceName: "Mine" })).status).toBe(403);

    const listed = (await (await seed("GET", "/devices", userKey)).json()) as { success: boolean; data: Array<{ deviceId: string }> };
    expect(listed.success).toBe(true);
    expect(listed.data.map((d) => d.deviceId)).toEqual([deviceId]);

    const qr = await seed("GET", `/devices/${deviceId}/qr-image`, userKey);
    expect(await qr.json()).toMatchObject({ success: true, data: { deviceId, qrImage: null, format: "png" } });
    const stranger = await seed("GET", `/devices/${deviceId}/qr-image`, otherKey);
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ success: false, code: "NOT_FOUND" });

    // No WhatsApp connection manager runs in this file: the send is refused for that reason, as on /api/v1
    // (rest-api.test.ts, with the sandbox, sees the unpaired device's 412 on the same procedure).
    const sent = await seed("POST", `/devices/${deviceId}/send-message`, userKey, { phone: "6281234567890", message: "Hello World" });
    expect(await sent.json()).toMatchObject({ success: false, code: "SERVICE_UNAVAILABLE" });
    expect(sent.status).toBe(503);
    expect((await seed("POST", `/devices/${deviceId}/send-message`, userKey, { phone: "6281234567890" })).status).toBe(400);

    const job = await seed("POST", `/devices/${deviceId}/jobs/send-text`, userKey, {
      messages: [
        { to: "6281234567890", message: "Pesan 1" },
        { to: "6281234567891", message: "Pesan 2, dengan koma" },
      ],
      delay: 3,
    });
    expect(job.status).toBe(200);
    const jobBody = (await job.json()) as { data: { jobId: number; total: number; delaySec: number } };
    expect(jobBody.data).toMatchObject({ total: 2, delaySec: 3 });
    const items = await db().jobItem.findMany({ where: { jobId: jobBody.data.jobId }, orderBy: { id: "asc" }, select: { recipient: true, payload: true } });
    expect(JSON.stringify(items)).toContain("Pesan 2, dengan koma");

    const status = (await (await seed("GET", `/jobs/${jobBody.data.jobId}`, userKey)).json()) as { success: boolean; data: { jobId: number; progress: { total: number } } };
    expect(status).toMatchObject({ success: true, data: { jobId: jobBody.data.jobId, progress: { total: 2 } } });
    expect((await seed("GET", `/jobs/${jobBody.data.jobId}`, otherKey)).status).toBe(404);

    const connected = await seed("POST", `/devices/${deviceId}/connect`, otherKey);
    expect(connected.status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document describing every REST endpoint with its bearer scheme", async () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument())) as { openapi: string; paths: Record<string, Record<string, { security?: unknown }>> };
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.paths["/devices/{deviceId}/messages/text"]?.post?.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(40);
  });
});
