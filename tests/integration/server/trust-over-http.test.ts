import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { makePng } from "../../helpers/media-files";
import { AppClient, startApp, trpcError, type RunningApp, type TrpcError } from "../../helpers/http-app";

/** Defects found by calling the production server from outside as an attacker and a careless client would. */
let app: RunningApp;
let admin: TestUser;
let user: TestUser;
let asAdmin: AppClient;
let asUser: AppClient;

beforeAll(async () => {
  await resetDb();
  admin = await createUser("admin");
  user = await createUser();
  app = await startApp();
  asAdmin = new AppClient(app.baseUrl);
  await asAdmin.signIn(admin.username, admin.password);
  asUser = new AppClient(app.baseUrl);
  await asUser.signIn(user.username, user.password);
});

afterAll(async () => {
  await app?.stop();
});

const EVIL = "http://evil.example";
const json = (input: unknown) => JSON.stringify(superjson.serialize(input));


/** Renames a table for the duration of `run`: the next query on it fails inside the database, as no input can make it. */
async function withTableMissing<T>(table: string, run: () => Promise<T>): Promise<T> {
  await db().$executeRawUnsafe(`RENAME TABLE \`${table}\` TO \`${table}_hidden\``);
  try {
    return await run();
  } finally {
    await db().$executeRawUnsafe(`RENAME TABLE \`${table}_hidden\` TO \`${table}\``);
  }
}

/** What a database failure's message would carry: the ORM call, the error code, database and table names, source lines. */
const INTERNALS = /[Pp]risma|invocation|P\d{4}|sb_test|_hidden|does ?n[o']t exist|SQL|[Mm]aria|`|\.ts:\d/;

describe("unexpected errors reach the client as a generic message with an error id that is in the log", () => {
  it("tRPC", async () => {
    const res = await withTableMissing("Template", () => asUser.fetch("/api/trpc/template.list?input=" + encodeURIComponent(json({}))));
    expect(res.status).toBe(500);
    expect(await res.clone().text()).not.toMatch(INTERNALS);
    const body = await trpcError(res);
    expect(body.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.message).toMatch(/^Something went wrong on the server \(error id [0-9a-f]{12}\)$/);
    expect(JSON.stringify(body)).not.toMatch(INTERNALS);
    const errorId = body.data.errorId!;
    expect(body.message).toContain(errorId);
    await expect.poll(() => app.output()).toContain(errorId);
    // The log has the cause the client did not get.
    const line = app.output().split("\n").find((l) => l.includes(errorId))!;
    expect(line).toMatch(/Template/);
  });

  it("route handlers: export and media", async () => {
    // The export records an activity row before it streams: that write fails.
    const exportRes = await withTableMissing("ActivityLog", () => asUser.fetch("/api/export/contacts"));
    expect(exportRes.status).toBe(500);
    const exportBody = (await exportRes.json()) as { error: string; errorId: string };
    expect(exportBody.error).toBe(`Something went wrong on the server (error id ${exportBody.errorId})`);
    expect(JSON.stringify(exportBody)).not.toMatch(INTERNALS);

    const mediaRes = await withTableMissing("MediaFile", () => asUser.fetch("/api/media/1"));
    expect(mediaRes.status).toBe(500);
    const mediaBody = (await mediaRes.json()) as { error: string; errorId: string };
    expect(JSON.stringify(mediaBody)).not.toMatch(INTERNALS);
    await expect.poll(() => app.output()).toContain(mediaBody.errorId);
    expect(app.output()).toContain(exportBody.errorId);
  });

  it("validation errors keep their field messages", async () => {
    const res = await asUser.fetch("/api/trpc/contact.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: json({ name: "", phone: "+6281234567890" }),
    });
    expect(res.status).toBe(400);
    const body = (await trpcError(res)) as TrpcError & { data: { zodError: { fieldErrors: Record<string, string[]> } } };
    expect(body.data.zodError.fieldErrors.name).toEqual(["Enter a name"]);
  });
});

describe("cross-site requests cannot change anything", () => {
  const formPost = (client: AppClient, path: string, contentType: string, headers: Record<string, string> = {}) =>
    client.fetch(path, {
      method: "POST",
      headers: { "content-type": contentType, ...headers },
      body: contentType === "application/json" ? json({ deviceName: "Forged" }) : "0=%7B%22json%22%3A%7B%22deviceName%22%3A%22Forged%22%7D%7D",
    });

  it("a cross-site HTML form post (Origin of another site) runs no mutation", async () => {
    const before = await rowCounts();
    for (const path of ["/api/trpc/device.create", "/api/trpc/auth.updateProfile", "/api/trpc/sandbox.createAccount"]) {
      for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
        const res = await formPost(asAdmin, path, type, { origin: EVIL, "sec-fetch-site": "cross-site" });
        expect(res.status, `${path} ${type}`).toBe(403);
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("JSON from another origin is refused too; Sec-Fetch-Site speaks when Origin is missing", async () => {
    const before = await rowCounts();
    expect((await formPost(asAdmin, "/api/trpc/device.create", "application/json", { origin: EVIL })).status).toBe(403);
    expect((await formPost(asAdmin, "/api/trpc/device.create", "application/json", { origin: "null" })).status).toBe(403);
    expect((await formPost(asAdmin, "/api/trpc/device.create", "application/json", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await formPost(asAdmin, "/api/trpc/device.create", "application/json", { "sec-fetch-site": "same-site" })).status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it("a same-origin mutation must be JSON: form, multipart and octet-stream bodies get 415", async () => {
    const before = await rowCounts();
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/octet-stream"]) {
      const res = await formPost(asAdmin, "/api/trpc/device.create", type, { origin: app.baseUrl });
      expect(res.status, type).toBe(415);
    }
    expect(await rowCounts()).toEqual(before);
    const ok = await formPost(asAdmin, "/api/trpc/device.create", "application/json", { origin: app.baseUrl, "sec-fetch-site": "same-origin" });
    expect(ok.status).toBe(200);
  });

  it("uploads must be application/octet-stream from our origin; the export refuses cross-site navigation", async () => {
    const before = await rowCounts();
    const png = new Uint8Array(makePng());
    const upload = (headers: Record<string, string>) =>
      asUser.fetch("/api/media", { method: "POST", headers: { "x-file-name": "a.png", ...headers }, body: png });
    expect((await upload({ "content-type": "text/plain" })).status).toBe(415);
    expect((await upload({ "content-type": "multipart/form-data; boundary=x" })).status).toBe(415);
    expect((await upload({ "content-type": "application/octet-stream", origin: EVIL })).status).toBe(403);
    expect((await asUser.fetch("/api/export/contacts", { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect((await asUser.fetch("/api/export/contacts", { headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
    expect((await upload({ "content-type": "application/octet-stream", origin: app.baseUrl })).status).toBe(201);
  });

  it("the sandbox control API refuses browser forgeries even without a token check in the way", async () => {
    const token = { authorization: "Bearer http-test-control-token" };
    const before = (await (await fetch(`${app.sandboxUrl}/control/accounts`, { headers: token })).json()) as unknown[];
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${app.sandboxUrl}/control/accounts`, { method: "POST", headers: { ...token, ...headers }, body });
    expect((await post({ "content-type": "application/x-www-form-urlencoded" }, "name=Forged")).status).toBe(415);
    expect((await post({ "content-type": "text/plain" }, '{"name":"Forged"}')).status).toBe(415);
    expect((await post({ "content-type": "application/json", origin: EVIL }, '{"name":"Forged"}')).status).toBe(403);
    expect((await post({ "content-type": "application/json", "sec-fetch-site": "cross-site" }, '{"name":"Forged"}')).status).toBe(403);
    const after = (await (await fetch(`${app.sandboxUrl}/control/accounts`, { headers: token })).json()) as unknown[];
    expect(after).toHaveLength(before.length);
  });
});

describe("headers", () => {
  it("/api/media/<id> keeps its own sandboxing CSP", async () => {
    const res = await asUser.fetch("/api/media", {
      method: "POST",
      headers: { "x-file-name": "photo.png", "content-type": "application/octet-stream" },
      body: new Uint8Array(makePng()),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const media = await asUser.fetch(`/api/media/${id}`);
    expect(media.status).toBe(200);
    expect(media.headers.get("content-security-policy")).toBe("default-src 'none'; media-src 'self'; sandbox");
    expect(media.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("signed-in API answers are not cacheable", async () => {
    const res = await asUser.fetch("/api/trpc/auth.me");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const batch = await asUser.fetch(`/api/trpc/auth.me,sandbox.enabled?batch=1&input=${encodeURIComponent("{}")}`);
    expect(batch.status).toBe(200);
    expect(batch.headers.get("cache-control")).toBe("no-store");
  });

  it("pages allow scripts by a per-request nonce, not 'unsafe-inline', and Next's scripts carry it", async () => {
    const first = await fetch(`${app.baseUrl}/auth/login`);
    const second = await fetch(`${app.baseUrl}/auth/login`);
    const policy = first.headers.get("content-security-policy")!;
    const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe("input edge cases", () => {
  it("a batch is bounded: 20 calls run, 21 are refused with 400", async () => {
    const call = (n: number) => {
      const paths = Array.from({ length: n }, () => "sandbox.enabled").join(",");
      return asUser.fetch(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`);
    };
    expect((await call(20)).status).toBe(200);
    const refused = await call(21);
    expect(refused.status).toBe(400);
  });

  it("malformed superjson metadata is a clear 400, not a stack overflow", async () => {
    const depth = 20_000;
    const payloads = [
      JSON.stringify({ json: { name: "x" }, meta: { values: { name: ["custom", "nope"] } } }),
      // Written as text: JSON.stringify itself would overflow on this depth.
      `{"json":1,"meta":{"values":${"[".repeat(depth)}"number"${"]".repeat(depth)}}}`,
      JSON.stringify({ json: { name: { a: 1 } }, meta: { referentialEqualities: { name: ["name.a"] } } }),
    ];
    for (const payload of payloads) {
      const res = await asUser.fetch("/api/trpc/contact.tags.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: payload,
      });
      expect(res.status).toBe(400);
      const body = await trpcError(res);
      expect(body.message).toMatch(/^The request input is malformed/);
      expect(body.message).not.toMatch(/call stack/i);
    }
    expect(await db().tag.count()).toBe(0);
  });
});
