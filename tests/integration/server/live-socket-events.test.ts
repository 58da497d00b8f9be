import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { fromWire } from "../../../src/server/events/client-event";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { AppClient, startApp, type RunningApp } from "../../helpers/http-app";

let app: RunningApp;
let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
const clients: Record<"admin" | "owner" | "stranger", AppClient> = {} as never;

beforeAll(async () => {
  await resetDb();
  [admin, owner, stranger] = [await createUser("admin"), await createUser(), await createUser()];
  app = await startApp();
  for (const [role, user] of [["admin", admin], ["owner", owner], ["stranger", stranger]] as const) {
    clients[role] = new AppClient(app.baseUrl);
    await clients[role].signIn(user.username, user.password);
  }
});

afterAll(async () => {
  await app?.stop();
});

interface Frame {
  id: number | string | null;
  result?: { type: string; id?: string; data?: { json: { id: string; data: string } } };
  error?: { json: { message: string; data: { code: string } } };
}

/** A wsLink-speaking socket: `send` writes requests (an array is a batch), `next` waits for a matching frame. */
function socket(cookie: string) {
  const ws = new WebSocket(`${app.baseUrl.replace("http", "ws")}/api/trpc-ws`, { headers: { origin: app.baseUrl, cookie } });
  const frames: Frame[] = [];
  const waiters: Array<() => void> = [];
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  ws.on("message", (raw: Buffer, isBinary: boolean) => {
    const text = raw.toString();
    if (text === "PING") return void ws.send("PONG");
    expect(isBinary).toBe(false);
    frames.push(JSON.parse(text) as Frame);
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (match: (f: Frame) => boolean): Promise<Frame> => {
    for (;;) {
      const index = frames.findIndex(match);
      if (index >= 0) return frames.splice(index, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const send = async (message: unknown) => {
    await opened;
    ws.send(JSON.stringify(message));
  };
  return { ws, frames, next, send };
}

const subscribe = (id: number, lastEventId?: string) => ({ id, method: "subscription", params: { path: "events.stream", input: { json: {} }, lastEventId } });
const event = (f: Frame) => fromWire(f.result!.data!.json.data);
const dataOf = (subId: number, name: string) => (f: Frame) =>
  f.id === subId && f.result?.type === "data" && fromWire(f.result.data!.json.data).name === name;

describe("events.stream on the live socket (shared fan-out)", () => {
  it("delivers each event, as tRPC's adapter frames it, to the owner's tabs and admins only", async () => {
    const device = await clients.admin.mutation<{ deviceId: string }>("device.create", { deviceName: "Fan-out", ownerId: owner.id });
    const tabs = [socket(clients.owner.cookieHeader()), socket(clients.owner.cookieHeader())];
    const adminTab = socket(clients.admin.cookieHeader());
    const strangerTab = socket(clients.stranger.cookieHeader());
    // wsLink batches requests into an array; the second owner tab subscribes under another id.
    await tabs[0]!.send([subscribe(1)]);
    await tabs[1]!.send(subscribe(7));
    await adminTab.send(subscribe(1));
    await strangerTab.send(subscribe(3));
    for (const [tab, id] of [[tabs[0]!, 1], [tabs[1]!, 7], [adminTab, 1], [strangerTab, 3]] as const) {
      expect(await tab.next((f) => f.id === id)).toEqual({ id, result: { type: "started" } });
    }

    await clients.owner.mutation("device.connect", { deviceId: device.deviceId });
    const seen = await Promise.all([
      tabs[0]!.next(dataOf(1, "device.status")),
      tabs[1]!.next(dataOf(7, "device.status")),
      adminTab.next(dataOf(1, "device.status")),
    ]);
    for (const frame of seen) {
      expect(event(frame)).toMatchObject({ name: "device.status", data: { deviceId: device.deviceId, status: "connecting" } });
      // The tracked id travels twice, as the adapter sends it: on the result (wsLink's lastEventId) and in the data.
      expect(frame.result!.id).toBe(frame.result!.data!.json.id);
    }
    expect(new Set(seen.map((f) => f.result!.id)).size).toBe(1);

    // The stranger's first event is about its own device: nothing of the owner's reached it.
    const own = await clients.admin.mutation<{ deviceId: string }>("device.create", { deviceName: "Other", ownerId: stranger.id });
    await clients.stranger.mutation("device.connect", { deviceId: own.deviceId });
    const first = await strangerTab.next((f) => f.result?.type === "data");
    expect(event(first).data).toMatchObject({ deviceId: own.deviceId });
    expect(strangerTab.frames.filter((f) => f.result?.type === "data" && JSON.stringify(f).includes(device.deviceId))).toEqual([]);

    // Resuming after an id replays what came after it for this viewer, then goes on live.
    const resumed = socket(clients.owner.cookieHeader());
    await resumed.send(subscribe(2, String(Number(seen[0]!.result!.id) - 1)));
    expect(event(await resumed.next(dataOf(2, "device.status"))).id).toBe(Number(seen[0]!.result!.id));

    // subscription.stop ends only that subscription.
    await tabs[1]!.send({ id: 7, method: "subscription.stop" });
    expect(await tabs[1]!.next((f) => f.id === 7 && f.result?.type !== "data")).toEqual({ id: 7, result: { type: "stopped" } });

    await clients.admin.mutation("device.disconnect", { deviceId: device.deviceId });
    await clients.admin.mutation("device.disconnect", { deviceId: own.deviceId });
    for (const tab of [...tabs, adminTab, strangerTab, resumed]) tab.ws.close();
  });

  it("ends a locked user's subscription with UNAUTHORIZED and keeps other requests on the socket working", async () => {
    const victim = await createUser();
    const asVictim = new AppClient(app.baseUrl);
    await asVictim.signIn(victim.username, victim.password);
    const tab = socket(asVictim.cookieHeader());
    await tab.send(subscribe(1));
    expect(await tab.next((f) => f.id === 1)).toEqual({ id: 1, result: { type: "started" } });
    // Anything but events.stream still goes to tRPC's own handler on the same socket.
    await tab.send({ id: 2, method: "query", params: { path: "auth.me", input: { json: null } } });
    expect((await tab.next((f) => f.id === 2)).result?.type).toBe("data");

    await clients.admin.mutation("admin.users.setActive", { userId: victim.id, isActive: false });
    const ended = await tab.next((f) => f.id === 1 && f.error !== undefined);
    expect(ended.error!.json.data.code).toBe("UNAUTHORIZED");
    tab.ws.close();
  });
});
