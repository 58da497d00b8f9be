import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { toTRPCError } from "../../errors";
import type { Context } from "../context";
import { apiKeyContext, callAsKey, restError } from "./rest-handler";

/**
 * The seed's documented /api/whatsapp-multi-device paths, so its integrations can move over by changing the base URL
 * and the token: each one calls the same procedure as /api/v1 (role, scope and ownership rules included) and answers
 * in the seed's `{ success, data }` envelope.
 */
type SeedHandler = (ctx: Context, params: Record<string, string>, body: () => Promise<unknown>) => Promise<unknown>;

interface DeviceOut {
  id: number;
  deviceId: string;
  deviceName: string;
  ownerId: number;
  phoneNumber: string | null;
  status: string;
  lastSeen: Date | null;
  createdAt: Date;
}

const seedDevice = (d: DeviceOut) => ({
  id: d.id,
  deviceId: d.deviceId,
  deviceName: d.deviceName,
  userId: d.ownerId,
  phoneNumber: d.phoneNumber,
  status: d.status,
  lastSeen: d.lastSeen,
  createdAt: d.createdAt,
});

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new TRPCError({ code: "BAD_REQUEST", message: result.error.issues.map((i) => i.message).join("; "), cause: result.error });
  return result.data;
}

const ZCreateDevice = z.object({ deviceName: z.string().optional(), userId: z.number().int().positive().optional(), deviceId: z.string().optional() });
const ZSendMessage = z.object({ phone: z.string({ error: "phone is required" }), message: z.string({ error: "message is required" }) });
const ZSendTextJob = z.object({
  messages: z
    .array(z.object({ to: z.string({ error: "Each message needs `to`" }), message: z.string({ error: "Each message needs `message`" }) }))
    .min(1, "Give at least one message")
    .max(10_000, "At most 10,000 messages per job"),
  delay: z.number().min(0).max(3600).optional(),
});

/** The seed's per-recipient texts, as one CSV whose `message` column fills the whole text of each message. */
function perRecipientBlast(messages: Array<{ to: string; message: string }>, delay: number | undefined) {
  const csv = stringify([["phone", "message"], ...messages.map((m) => [m.to, m.message])]);
  return {
    message: { kind: "text", text: "{{message}}" },
    recipients: { source: "csv", csv, phoneColumn: "phone", variableColumns: { message: "message" } },
    pacing: delay === undefined ? { preset: "standard" } : { preset: "custom", minSeconds: delay, maxSeconds: delay },
  };
}

interface JobOut {
  id: number;
  status: string;
  delayMinMs: number;
  total: number;
  completed: number;
  failed: number;
  skipped: number;
  cancelled: number;
  pending: number;
}

const seedJob = (job: JobOut) => ({
  jobId: job.id,
  status: job.status,
  progress: { total: job.total, completed: job.completed, failed: job.failed + job.skipped + job.cancelled, pending: job.pending },
});

const ROUTES: Array<{ method: string; pattern: RegExp; handle: SeedHandler }> = [
  {
    method: "GET",
    pattern: /^\/devices$/,
    handle: async (ctx) => {
      const page = (await callAsKey(ctx, "device.list", { limit: 200 })) as { items: DeviceOut[] };
      return page.items.map(seedDevice);
    },
  },
  {
    method: "POST",
    pattern: /^\/devices$/,
    handle: async (ctx, _params, body) => {
      const input = parse(ZCreateDevice, await body());
      const device = (await callAsKey(ctx, "device.create", { ownerId: input.userId, deviceName: input.deviceName, deviceId: input.deviceId })) as DeviceOut;
      return seedDevice(device);
    },
  },
  {
    method: "POST",
    pattern: /^\/devices\/(?<deviceId>[^/]+)\/connect$/,
    handle: async (ctx, { deviceId }) => {
      const result = (await callAsKey(ctx, "device.connect", { deviceId })) as { status: string };
      const qr = (await callAsKey(ctx, "device.qrImage", { deviceId })) as { qrImage: string | null };
      return { status: result.status, qrCode: qr.qrImage };
    },
  },
  {
    method: "GET",
    pattern: /^\/devices\/(?<deviceId>[^/]+)\/qr-image$/,
    handle: async (ctx, { deviceId }) => {
      const qr = (await callAsKey(ctx, "device.qrImage", { deviceId })) as { qrImage: string | null; expiresAt: string | null };
      return { deviceId, qrImage: qr.qrImage, format: "png", expiresAt: qr.expiresAt, message: qr.qrImage ? "QR code as an image" : "No QR code is waiting; connect the device first" };
    },
  },
  {
    method: "POST",
    pattern: /^\/devices\/(?<deviceId>[^/]+)\/send-message$/,
    handle: async (ctx, { deviceId }, body) => {
      const input = parse(ZSendMessage, await body());
      const message = (await callAsKey(ctx, "message.sendText", { deviceId, to: input.phone, text: input.message })) as {
        id: number;
        waMessageId: string | null;
        status: string;
        timestamp: Date;
      };
      return { messageId: message.waMessageId, id: message.id, status: message.status, timestamp: message.timestamp };
    },
  },
  {
    method: "POST",
    pattern: /^\/devices\/(?<deviceId>[^/]+)\/jobs\/send-text$/,
    handle: async (ctx, { deviceId }, body) => {
      const input = parse(ZSendTextJob, await body());
      const job = (await callAsKey(ctx, "job.create", { deviceId, ...perRecipientBlast(input.messages, input.delay) })) as JobOut;
      return { jobId: job.id, status: job.status, delaySec: Math.round(job.delayMinMs / 1000), total: job.total };
    },
  },
  {
    method: "GET",
    pattern: /^\/jobs\/(?<jobId>[^/]+)$/,
    handle: async (ctx, { jobId }) => {
      const id = /^\d{1,10}$/.test(jobId ?? "") ? Number(jobId) : 0;
      if (!id) throw new TRPCError({ code: "NOT_FOUND", message: "Job not found" });
      return seedJob((await callAsKey(ctx, "job.get", { id })) as JobOut);
    },
  },
];

async function jsonBody(req: Request): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  const text = await req.text();
  if (text.trim() === "") return {};
  if (type !== "application/json") throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as application/json" });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TRPCError({ code: "PARSE_ERROR", message: "The body is not valid JSON" });
  }
}

export async function handleSeedRequest(req: Request, path: string): Promise<Response> {
  let ctx: Context | undefined;
  try {
    ctx = await apiKeyContext(req);
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    if (!route) throw new TRPCError({ code: "NOT_FOUND", message: "No such endpoint; see /api/docs for the full API" });
    const params = Object.fromEntries(Object.entries(route.pattern.exec(path)?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const data = await route.handle(ctx, params, () => jsonBody(req));
    return Response.json({ success: true, data }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const trpcError = error instanceof TRPCError ? error : (toTRPCError(error) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
    // The same code, message and error id as /api/v1, in the seed's envelope.
    const rest = (await restError(trpcError, ctx).json()) as Record<string, unknown>;
    return Response.json({ success: false, ...rest }, { status: getHTTPStatusCodeFromError(trpcError), headers: { "cache-control": "no-store" } });
  }
}
