import { z } from "zod";
import { env } from "@/env";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { zPhone } from "@/lib/phone";
import { AppError } from "../../../errors";
import { viaSandbox } from "../../../services/sandbox/control";
import { connectionManager } from "../../../whatsapp/registry";
import { zDeviceId } from "../../procedures";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../../trpc";

const zSandboxPhone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[^\d]/g, ""))
  .pipe(z.string().regex(/^[1-9]\d{6,14}$/, "Enter a phone number with country code, 7 to 15 digits"));
const phoneInput = z.object({ phone: zSandboxPhone });
/** A number the admin types: any form the rest of the app accepts ("0812…", "+62 812…"), as the sandbox's digits. */
const zTypedPhone = zPhone.transform((e164) => e164.slice(1));

/** The console sends files up to 16 MiB (what WhatsApp takes for photos, audio and most videos); as base64 that is 4/3 as long. */
const SANDBOX_MEDIA_MAX_BYTES = 16 * 1024 * 1024;
const SANDBOX_MEDIA_MAX_BASE64 = Math.ceil(SANDBOX_MEDIA_MAX_BYTES / 3) * 4;
/** Linear-time check: a regex with a repeated group can exhaust the backtracking stack on a ~20 MB string. */
const isBase64 = (value: string): boolean => {
  const padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
  return value.length % 4 === 0 && !/[^A-Za-z0-9+/]/.test(value.slice(0, value.length - padding));
};
const zSandboxMedia = z
  .object({
    from: zSandboxPhone,
    to: zSandboxPhone,
    kind: z.enum(["image", "video", "audio", "document"]),
    mimetype: z
      .string()
      .trim()
      .regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, "Unknown file type")
      .max(127),
    data: z
      .string()
      .min(1, "The file is empty")
      .max(SANDBOX_MEDIA_MAX_BASE64, "Files can be at most 16 MB")
      .refine(isBase64, "The file must be sent as base64"),
    fileName: z.string().trim().min(1).max(255).optional(),
    caption: z.string().max(MAX_CAPTION_LENGTH).optional(),
    ptt: z.boolean().optional(),
  })
  .refine((input) => input.ptt === undefined || input.kind === "audio", { path: ["ptt"], message: "Only audio can be a voice note" });

/** A group jid as the sandbox names it (`120363…@g.us`), or its digits. */
const zSandboxGroupId = z.string().trim().regex(/^\d{6,30}(@g\.us)?$/, "Not a group id");
/** WhatsApp's group limits: a subject of 100 characters; members are added in batches far below its 1024. */
const SANDBOX_GROUP_MAX_NEW_MEMBERS = 256;

/** Admin-only tools that play the phones of the WhatsApp sandbox (SPEC §7), so every flow can be tried without a phone. */
export const sandboxRouter = createTRPCRouter({
  enabled: protectedProcedure.query(() => ({ enabled: env().WA_MODE === "sandbox" })),

  accounts: adminProcedure.query(() => viaSandbox((c) => c.accounts())),

  createAccount: adminProcedure
    .input(z.object({ phone: zTypedPhone.optional(), name: z.string().trim().min(1).max(100).optional() }))
    .mutation(({ input }) => viaSandbox((c) => c.createAccount(input))),

  /** Offline, the phone holds what devices send it (one tick) and takes it all when it comes back online. */
  setOnline: adminProcedure.input(z.object({ phone: zSandboxPhone, online: z.boolean() })).mutation(async ({ input }) => {
    await viaSandbox((c) => c.setOnline(input.phone, input.online));
    return { ok: true as const };
  }),

  notOnWhatsApp: adminProcedure.query(() => viaSandbox((c) => c.notOnWhatsApp())),
  markNotOnWhatsApp: adminProcedure.input(z.object({ phone: zTypedPhone })).mutation(async ({ input }) => {
    await viaSandbox((c) => c.markNotOnWhatsApp(input.phone));
    return { phone: input.phone };
  }),
  clearNotOnWhatsApp: adminProcedure.input(phoneInput).mutation(async ({ input }) => {
    await viaSandbox((c) => c.clearNotOnWhatsApp(input.phone));
    return { ok: true as const };
  }),

  /** The account's phone scans the QR code the device is showing right now. */
  scanDevice: adminProcedure.input(z.object({ deviceId: zDeviceId, phone: zSandboxPhone })).mutation(async ({ ctx, input }) => {
    const device = await ctx.db.device.findUnique({ where: { deviceId: input.deviceId }, select: { deviceId: true } });
    if (!device) throw new AppError("NOT_FOUND", "Device not found");
    const qr = connectionManager().qr(device.deviceId);
    if (!qr) throw new AppError("DEVICE_NOT_CONNECTED", "This device is not showing a QR code; press Connect on the device first");
    await viaSandbox((c) => c.scanQR(qr.qr, input.phone));
    return { ok: true as const };
  }),

  enterPairingCode: adminProcedure
    .input(z.object({ phone: zSandboxPhone, code: z.string().trim().regex(/^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/, "The code has 8 characters") }))
    .mutation(async ({ input }) => {
      await viaSandbox((c) => c.enterPairingCode(input.phone, input.code));
      return { ok: true as const };
    }),

  sendText: adminProcedure
    .input(z.object({ from: zSandboxPhone, to: zSandboxPhone, text: z.string().trim().min(1, "Write a message").max(4096) }))
    .mutation(async ({ input }) => ({ id: await viaSandbox((c) => c.sendText(input.from, input.to, input.text)) })),

  /** The contact sends a file (photo, video, audio or document) to the device's number, as a phone would. */
  sendMedia: adminProcedure.input(zSandboxMedia).mutation(async ({ input }) => {
    const { from, to, kind, mimetype, data, fileName, caption, ptt } = input;
    const media = {
      kind,
      mimetype,
      data: new Uint8Array(Buffer.from(data, "base64")),
      // The sandbox shows a file name only on documents, and a voice note is only audio.
      ...(kind === "document" && fileName ? { fileName } : {}),
      ...(caption?.trim() && kind !== "audio" ? { caption } : {}),
      ...(kind === "audio" && ptt !== undefined ? { ptt } : {}),
    };
    return { id: await viaSandbox((c) => c.sendMedia(from, to, media)) };
  }),

  inbox: adminProcedure.input(phoneInput).query(({ input }) => viaSandbox((c) => c.inbox(input.phone))),
  outbox: adminProcedure.input(phoneInput).query(({ input }) => viaSandbox((c) => c.outbox(input.phone))),
  linkedDevices: adminProcedure.input(phoneInput).query(({ input }) => viaSandbox((c) => c.linkedDevices(input.phone))),

  /** The groups a phone is in, with their members and roles. */
  groups: adminProcedure.input(phoneInput).query(({ input }) => viaSandbox((c) => c.groups(input.phone))),

  /** One group chat as the phone sees it: what it sent, and what it got (and whether it could decrypt it). */
  groupMessages: adminProcedure
    .input(z.object({ phone: zSandboxPhone, groupId: zSandboxGroupId }))
    .query(({ input }) => viaSandbox((c) => c.groupMessages(input.phone, input.groupId))),

  /** The phone creates a group (it becomes the superadmin) with other numbers, the device's among them. */
  createGroup: adminProcedure
    .input(
      z.object({
        phone: zSandboxPhone,
        subject: z.string().trim().min(1, "Give the group a name").max(100),
        participants: z.array(zTypedPhone).min(1, "Add at least one member").max(SANDBOX_GROUP_MAX_NEW_MEMBERS),
      }),
    )
    .mutation(({ input }) => viaSandbox((c) => c.createGroup(input.phone, input.subject, input.participants))),

  /** The phone writes in a group it is a member of (a sender-key message to every member). */
  sendGroupText: adminProcedure
    .input(z.object({ phone: zSandboxPhone, groupId: zSandboxGroupId, text: z.string().trim().min(1, "Write a message").max(4096) }))
    .mutation(async ({ input }) => ({ id: await viaSandbox((c) => c.sendGroupText(input.phone, input.groupId, input.text)) })),

  setReceipts: adminProcedure
    .input(z.object({ phone: zSandboxPhone, mode: z.enum(["read", "delivered", "none"]), delayMs: z.number().int().min(0).max(60_000).optional() }))
    .mutation(async ({ input }) => {
      await viaSandbox((c) => c.setReceipts(input.phone, { mode: input.mode, delayMs: input.delayMs }));
      return { ok: true as const };
    }),

  dropConnection: adminProcedure.input(phoneInput).mutation(async ({ input }) => {
    await viaSandbox((c) => c.dropConnection(input.phone));
    return { ok: true as const };
  }),
  logout: adminProcedure.input(phoneInput).mutation(async ({ input }) => {
    await viaSandbox((c) => c.logout(input.phone));
    return { ok: true as const };
  }),
  ban: adminProcedure.input(phoneInput).mutation(async ({ input }) => {
    await viaSandbox((c) => c.ban(input.phone));
    return { ok: true as const };
  }),
  unban: adminProcedure.input(phoneInput).mutation(async ({ input }) => {
    await viaSandbox((c) => c.unban(input.phone));
    return { ok: true as const };
  }),
});
