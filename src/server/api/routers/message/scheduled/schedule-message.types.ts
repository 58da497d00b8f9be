import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { canonicalTimeZone, parseScheduleTime } from "../../../../services/scheduled/zoned-time";
import { MAX_TEXT_LENGTH } from "../send-text.types";
import { ZScheduledMessageSchema } from "./scheduled-schema";

export const ZScheduleMessageRequestSchema = z
  .object({
    to: zPhone,
    text: z
      .string({ error: "Enter a message" })
      .refine((t) => t.trim().length > 0, "Enter a message")
      .refine((t) => t.length <= MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters`),
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
  .transform((input, ctx) => {
    const parsed = parseScheduleTime(input.scheduleTime, input.timezone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["scheduleTime"], message: parsed.error });
      return z.NEVER;
    }
    return { to: input.to, text: input.text, timezone: input.timezone, at: parsed.at };
  });
export const ZScheduleMessageResponseSchema = ZScheduledMessageSchema;

export type TScheduleMessageRequest = z.input<typeof ZScheduleMessageRequestSchema>;
export type TScheduleMessageResponse = z.infer<typeof ZScheduleMessageResponseSchema>;
