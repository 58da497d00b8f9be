import { z } from "zod";
import { zDeviceId } from "../procedures";

const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are YYYY-MM-DD");
const zId = z.coerce.number().int().positive("Ids are positive whole numbers");
const zText = z.string().trim().min(1).max(100, "Search text is too long");
const zBool = z.enum(["true", "false"]).transform((v) => v === "true");

function dayRange<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, from: zDay.optional(), to: zDay.optional() })
    .refine((v) => inOrder(v as { from?: string; to?: string }), { message: "The end date is before the start date", path: ["to"] });
}

function inOrder(v: { from?: string; to?: string }): boolean {
  return !v.from || !v.to || v.from <= v.to;
}

/** Query-string filters of each export, the same as the admin list pages use. */
export const EXPORT_QUERY = {
  users: z.object({
    search: zText.optional(),
    role: z.enum(["admin", "user"]).optional(),
    isActive: zBool.optional(),
    lastLogin: z.enum(["never", "within7d", "within30d", "over30d"]).optional(),
  }),
  devices: z.object({
    status: z.enum(["disconnected", "connecting", "qr_required", "connected", "logged_out"]).optional(),
    ownerId: zId.optional(),
    search: zText.optional(),
  }),
  messages: dayRange({
    deviceId: zDeviceId.optional(),
    userId: zId.optional(),
    status: z.enum(["pending", "sent", "delivered", "read", "failed"]).optional(),
    direction: z.enum(["incoming", "outgoing"]).optional(),
    text: zText.optional(),
  }),
  "audit-logs": dayRange({
    actorId: zId.optional(),
    action: z.string().trim().min(1).max(64).optional(),
    targetType: z.string().trim().min(1).max(32).optional(),
    text: zText.optional(),
  }),
  contacts: z.object({ ownerId: zId.optional(), tag: z.string().trim().min(1).max(64).optional(), search: zText.optional() }),
} as const;

export type ExportKind = keyof typeof EXPORT_QUERY;

export function isExportKind(kind: string): kind is ExportKind {
  return Object.hasOwn(EXPORT_QUERY, kind);
}
