import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

/** What every item of a job sends (Job.payload). Items carry the per-recipient text or caption. */
export const ZJobPayload = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text") }),
  z.object({ kind: z.literal("template"), templateId: z.number().int(), templateName: z.string() }),
  z.object({ kind: z.literal("media"), mediaId: z.number().int(), mediaKind: z.enum(["image", "video", "audio", "document"]) }),
]);
export type JobPayload = z.infer<typeof ZJobPayload>;

/** One recipient's message (JobItem.payload): the rendered text, or the caption of the job's file. */
export const ZItemPayload = z.object({ text: z.string().optional(), caption: z.string().optional() });
export type ItemPayload = z.infer<typeof ZItemPayload>;

export function readJobPayload(value: Prisma.JsonValue | null): JobPayload {
  return ZJobPayload.parse(value ?? { kind: "text" });
}

export function readItemPayload(value: Prisma.JsonValue): ItemPayload {
  return ZItemPayload.parse(value);
}
