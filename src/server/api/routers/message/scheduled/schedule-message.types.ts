import { z } from "zod";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { zPhone } from "@/lib/phone";
import { canonicalTimeZone, parseScheduleTime } from "../../../../services/scheduled/zoned-time";
import { MAX_TEXT_LENGTH } from "../send-text.types";
import { ZScheduledMessageSchema } from "./scheduled-schema";

export const ZScheduleMessageRequestSchema = z
  .object({
    to: zPhone,
    /** The message, or the caption when a file is attached. */
    text: z
      .string({ error: "Enter a message" })
      .refine((t) => t.length <= MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters`)
      .default(""),
    /** A file uploaded through POST /api/media, sent as image/video/audio/document by its type. */
    mediaId: z.number({ error: "Choose a file to send" }).int().positive("Choose a file to send").optional(),
    sendAs: z.enum(["auto", "document"], { error: 'sendAs must be "auto" or "document"' }).default("auto"),
    /** "2026-05-01T09:00" (wall clock in `timezone`) or an exact instant with an offset ("…+07:00", "…Z"). */
    scheduleTime: z.string({ error: "Enter a date and time" }).max(40, "The date and time is too long"),
    timezone: z
      .string({ error: "Choose a time zone" })
      .max(64, "The time zone is too long")
      .transform((value, ctx) => {
        const canonical = canonicalTimeZone(value);
        if (!canonical) {
          ctx.addIssue({ code: "custom", message: `"${value.slice(0, 64)}" is not a known time zone (use an IANA name such as Asia/Jakarta)` });
          return z.NEVER;
        }
        return canonical;
      }),
  })
  .superRefine((input, ctx) => {
    if (input.mediaId === undefined && input.text.trim().length === 0) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "Enter a message" });
    }
    if (input.mediaId !== undefined && input.text.length > MAX_CAPTION_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["text"], message: `A caption can be at most ${MAX_CAPTION_LENGTH} characters` });
    }
    const parsed = parseScheduleTime(input.scheduleTime, input.timezone);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["scheduleTime"], message: parsed.error });
  });

/**
 * The request as the service takes it. Not a transform on the schema: the OpenAPI generator merges a device
 * procedure's inputs as plain objects. The schema has already refused a time that does not parse.
 */
export function toScheduleCall(input: z.output<typeof ZScheduleMessageRequestSchema>) {
  const parsed = parseScheduleTime(input.scheduleTime, input.timezone);
  if (!parsed.ok) throw new Error(parsed.error);
  const media = input.mediaId === undefined ? undefined : { mediaId: input.mediaId, sendAs: input.sendAs };
  return { to: input.to, text: input.text, timezone: input.timezone, at: parsed.at, media };
}
export const ZScheduleMessageResponseSchema = ZScheduledMessageSchema;

export type TScheduleMessageRequest = z.input<typeof ZScheduleMessageRequestSchema>;
export type TScheduleMessageResponse = z.infer<typeof ZScheduleMessageResponseSchema>;
