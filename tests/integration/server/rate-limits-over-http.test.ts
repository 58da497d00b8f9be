import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type TestUser } from "../../helpers/actors";
import { putSetting } from "../../../src/server/services/settings/app-settings";
import { resetDb } from "../../helpers/db";
import { AppClient, startApp, trpcError, type RunningApp } from "../../helpers/http-app";

// Limits low enough to reach in a few calls. TRUST_PROXY lets each client act from its own X-Forwarded-For address,
// so the per-user limit inside Next can be reached before the custom server's per-address one.
const API_POINTS = 12;
const LOGIN_PER_IP = 3;

let app: RunningApp;
let user: TestUser;
let ipCounter = 0;
const nextIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  await resetDb();
  user = await createUser();
  // Public sign-up is closed on a new install; open it so the sign-up limiter is what refuses.
  await putSetting("signupOpen", true);
  app = await startApp(undefined, {
    TRUST_PROXY: "true",
    RATE_LIMIT_API_POINTS: String(API_POINTS),
    RATE_LIMIT_LOGIN_PER_IP: String(LOGIN_PER_IP),
  });
});

afterAll(async () => {
  await app?.stop();
});


describe("rate limits over HTTP (the limiter library is loaded twice: custom server and Next's bundle)", () => {
  it("auth.register past the sign-up limit answers 429 with a message, not 500", async () => {
    const client = new AppClient(app.baseUrl, { "x-forwarded-for": nextIp() });
    const register = (n: number) =>
      client.fetch("/api/trpc/auth.register", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { username: `limited-${n}-${ipCounter}`, email: `limited-${n}-${ipCounter}@example.test`, password: "long-enough-pass" } }),
      });
    for (let i = 0; i < LOGIN_PER_IP; i++) expect((await register(i)).status).toBe(200);
    const refused = await register(LOGIN_PER_IP);
    expect(refused.status).toBe(429);
    const body = await trpcError(refused);
    expect(body.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.message).toMatch(/^Too many sign-up attempts from this address; try again in \d+ s$/);
  });

  it("a signed-in caller past the per-user API limit gets 429 from tRPC, not 500", async () => {
    const signIn = new AppClient(app.baseUrl, { "x-forwarded-for": nextIp() });
    await signIn.signIn(user.username, user.password);
    let last: Response | undefined;
    for (let i = 0; i <= API_POINTS; i++) {
      // A fresh address per call: only the per-user key runs out.
      last = await signIn.fetch("/api/trpc/auth.me", { headers: { "x-forwarded-for": nextIp() } });
      if (i < API_POINTS) expect(last.status, `call ${i + 1}`).toBe(200);
    }
    expect(last!.status).toBe(429);
    const body = await trpcError(last!);
    expect(body.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.message).toMatch(/^Too many requests; try again in \d+ s$/);
  });

  it("a rate-limited sign-in reports 'too many attempts' to the login page, not error=undefined", async () => {
    const client = new AppClient(app.baseUrl, { "x-forwarded-for": nextIp() });
    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const attempt = async () => {
      const res = await client.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, identifier: user.username, password: "wrong-password", json: "true" }),
      });
      const { url } = (await res.json()) as { url: string };
      return new URL(url).searchParams.get("error");
    };
    for (let i = 0; i < LOGIN_PER_IP; i++) expect(await attempt()).toBe("Wrong username/email or password");
    expect(await attempt()).toMatch(/^Too many login attempts from this address; try again in \d+ s$/);
  });

  it("the custom server's own 429 (per address) carries the security headers", async () => {
    const client = new AppClient(app.baseUrl, { "x-forwarded-for": nextIp() });
    let res: Response | undefined;
    for (let i = 0; i <= API_POINTS; i++) res = await client.fetch("/api/trpc/sandbox.enabled");
    expect(res!.status).toBe(429);
    expect(res!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res!.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res!.headers.get("x-frame-options")).toBe("DENY");
    expect(res!.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res!.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res!.headers.get("cache-control")).toBe("no-store");
    expect(((await res!.json()) as { error: string }).error).toMatch(/^Too many requests; try again in \d+ s$/);
  });
});
