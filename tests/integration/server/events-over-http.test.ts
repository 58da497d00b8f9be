import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { db } from "../../../src/server/db";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { AppClient, startApp, type RunningApp } from "../../helpers/http-app";

let app: RunningApp;
let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  await resetDb();
  admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

type StreamEvent = { name: string; data: { deviceId?: string; status?: string; qrImage?: string } };
const isEvent = (value: unknown): value is StreamEvent => typeof value === "object" && value !== null && "name" in value;

describe("the production server", () => {
  it("sends security headers and reports health", async () => {
    const res = await fetch(`${app.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok", connectedDevices: 0 });
    const page = await fetch(`${app.baseUrl}/auth/login`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses the event stream without a session", async () => {
    // SSE answers 200 and then reports the procedure's error as a `serialized-error` event (tRPC's SSE protocol).
    const anonymous = await new AppClient(app.baseUrl).subscribe("events.stream", {});
    const refusal = await anonymous.next((e) => e.event === "serialized-error");
    expect(JSON.stringify(refusal.data)).toContain("UNAUTHORIZED");
    anonymous.close();
  });

  it("events published by the server's connection manager reach the owner's SSE stream through /api/trpc, not a stranger's", async () => {
    const asAdmin = new AppClient(app.baseUrl);
    await asAdmin.signIn(admin.email, admin.password);
    const device = await asAdmin.mutation<{ deviceId: string }>("device.create", { deviceName: "Front desk", ownerId: owner.id });

    const asOwner = new AppClient(app.baseUrl);
    await asOwner.signIn(owner.username, owner.password);
    const asStranger = new AppClient(app.baseUrl);
    await asStranger.signIn(stranger.username, stranger.password);
    const ownerStream = await asOwner.subscribe("events.stream", {});
    const strangerStream = await asStranger.subscribe("events.stream", {});

    await asOwner.mutation("device.connect", { deviceId: device.deviceId });
    const connecting = await ownerStream.next((e) => isEvent(e.data) && e.data.name === "device.status");
    expect(connecting.data).toMatchObject({ name: "device.status", data: { deviceId: device.deviceId, status: "connecting" } });
    expect(Number(connecting.id)).toBeGreaterThan(0);
    const qr = await ownerStream.next((e) => isEvent(e.data) && e.data.name === "device.qr");
    expect((qr.data as StreamEvent).data.qrImage).toMatch(/^data:image\/png;base64,/);

    // The stranger's stream carries no event of this device: the next thing it sees is its own device's event.
    const ownDevice = await asAdmin.mutation<{ deviceId: string }>("device.create", { deviceName: "Other", ownerId: stranger.id });
    await asStranger.mutation("device.connect", { deviceId: ownDevice.deviceId });
    const first = await strangerStream.next((e) => isEvent(e.data));
    expect((first.data as StreamEvent).data.deviceId).toBe(ownDevice.deviceId);

    ownerStream.close();
    strangerStream.close();
    await asAdmin.mutation("device.disconnect", { deviceId: device.deviceId });
    await asAdmin.mutation("device.disconnect", { deviceId: ownDevice.deviceId });
    expect(await db().device.count({ where: { status: "connected" } })).toBe(0);
  });

  it("opens events.stream over the live WebSocket for a signed-in user of the same origin only", async () => {
    const wsUrl = `${app.baseUrl.replace("http", "ws")}/api/trpc-ws`;
    // A page of another site cannot open the socket with the user's cookies.
    const foreign = new WebSocket(wsUrl, { headers: { origin: "http://evil.example" } });
    const refused = await new Promise<number>((resolve) => foreign.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(403);

    const subscribe = (cookie: string | null) => {
      const ws = new WebSocket(wsUrl, { headers: { origin: app.baseUrl, ...(cookie ? { cookie } : {}) } });
      const messages: Array<{ result?: { type: string; data?: { id: string; data: string } }; error?: { json: { message: string } } }> = [];
      const waiters: Array<() => void> = [];
      ws.on("open", () => ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "events.stream", input: { json: {} } } })));
      ws.on("message", (raw: Buffer) => {
        const text = raw.toString();
        if (text === "PING") return void ws.send("PONG");
        messages.push(JSON.parse(text) as (typeof messages)[number]);
        for (const wake of waiters.splice(0)) wake();
      });
      const next = async (match: (m: (typeof messages)[number]) => boolean) => {
        for (;;) {
          const found = messages.find(match);
          if (found) return found;
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
      };
      return { ws, messages, next };
    };

    const anonymous = subscribe(null);
    expect((await anonymous.next((m) => m.error !== undefined)).error?.json.message).toMatch(/sign in/i);
    anonymous.ws.close();

    // A signed-in user's subscription starts (delivery and scoping over this socket are measured, with every event
    // counted per subscriber, by bench/event-latency.ts).
    const asOwner = new AppClient(app.baseUrl);
    await asOwner.signIn(owner.username, owner.password);
    const ownerSocket = subscribe(asOwner.cookieHeader());
    expect(await ownerSocket.next((m) => m.result !== undefined || m.error !== undefined)).toEqual({ id: 1, result: { type: "started" } });
    ownerSocket.ws.close();
  });
});
