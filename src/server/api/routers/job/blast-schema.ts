import { z } from "zod";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { PLACEHOLDER_NAME } from "@/lib/render-template";
import { BROKEN_TEXT_MESSAGE, isWellFormedText } from "@/lib/validation";
import { PACING_PRESETS } from "../../../services/jobs/blast-input";
import { canonicalTimeZone, parseScheduleTime } from "../../../services/scheduled/zoned-time";
import { MAX_TEXT_LENGTH } from "../message/send-text.types";

/** A sanity bound on pasted or uploaded lists before the byte limit (JOB_CSV_MAX_BYTES) is checked. */
const MAX_LIST_CHARS = 20_000_000;
const zColumn = z.string().trim().min(1, "Choose a column").max(100, "The column name is too long");

export const ZBlastMessageSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("text"),
      text: z
        .string({ error: "Enter a message" })
        .refine((t) => t.trim().length > 0, "Enter a message")
        .refine((t) => t.length <= MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters`)
        .refine(isWellFormedText, BROKEN_TEXT_MESSAGE),
    }),
    z.object({ kind: z.literal("template"), templateId: z.number({ error: "Choose a template" }).int().positive("Choose a template") }),
    z.object({
      kind: z.literal("media"),
      mediaId: z.number({ error: "Choose a file to send" }).int().positive("Choose a file to send"),
      caption: z.string().max(MAX_CAPTION_LENGTH, `A caption can be at most ${MAX_CAPTION_LENGTH} characters`).default(""),
      sendAs: z.enum(["auto", "document"], { error: 'sendAs must be "auto" or "document"' }).default("auto"),
    }),
  ],
  { error: 'The message kind must be "text", "template" or "media"' },
);

export const ZRecipientsSchema = z.discriminatedUnion(
  "source",
  [
    z.object({ source: z.literal("paste"), text: z.string({ error: "Paste the numbers" }).max(MAX_LIST_CHARS, "The list is too long") }),
    z.object({
      source: z.literal("csv"),
      csv: z.string({ error: "Upload a CSV file" }).max(MAX_LIST_CHARS, "The CSV file is too large"),
      phoneColumn: zColumn,
      nameColumn: zColumn.optional(),
      variableColumns: z
        .record(z.string().regex(PLACEHOLDER_NAME, "A placeholder name may use letters, digits, '_' and '.'").max(64), zColumn)
        .refine((r) => Object.keys(r).length <= 50, "At most 50 placeholders")
        .default({}),
    }),
    z.object({
      source: z.literal("tags"),
      tagIds: z.array(z.number().int().positive("Choose a tag")).min(1, "Choose at least one tag").max(50, "At most 50 tags"),
    }),
  ],
  { error: 'Recipients come from "paste", "csv" or "tags"' },
);

export const ZPacingSchema = z
  .discriminatedUnion(
    "preset",
    [
      z.object({ preset: z.literal("standard") }),
      z.object({ preset: z.literal("careful") }),
      z.object({
        preset: z.literal("custom"),
        minSeconds: z.number({ error: "Enter the shortest wait" }).min(0, "A wait cannot be negative").max(3600, "At most one hour"),
        maxSeconds: z.number({ error: "Enter the longest wait" }).min(0, "A wait cannot be negative").max(3600, "At most one hour"),
      }),
    ],
    { error: 'Pacing is "standard", "careful" or "custom"' },
  )
  .superRefine((p, ctx) => {
    if (p.preset === "custom" && p.minSeconds > p.maxSeconds) ctx.addIssue({ code: "custom", path: ["maxSeconds"], message: "The longest wait must be at least the shortest" });
  })
  .transform((p) => (p.preset === "custom" ? { minMs: Math.round(p.minSeconds * 1000), maxMs: Math.round(p.maxSeconds * 1000) } : { ...PACING_PRESETS[p.preset] }));

export const ZBlastRequestSchema = z.object({
  message: ZBlastMessageSchema,
  recipients: ZRecipientsSchema,
  pacing: ZPacingSchema.prefault({ preset: "standard" }),
});

/** Start now, or at a wall-clock time in a time zone (as on /schedule-message). */
export const ZStartSchema = z
  .object({
    startAt: z.string().max(40, "The date and time is too long").optional(),
    timezone: z.string().max(64, "The time zone is too long").optional(),
    excludeIncomplete: z.boolean().default(false),
  })
  .transform((input, ctx) => {
    if (!input.startAt) return { startAt: null, timezone: null, excludeIncomplete: input.excludeIncomplete };
    const timezone = canonicalTimeZone(input.timezone ?? "");
    if (!timezone) {
      ctx.addIssue({ code: "custom", path: ["timezone"], message: "Choose a known time zone (an IANA name such as Asia/Jakarta)" });
      return z.NEVER;
    }
    const parsed = parseScheduleTime(input.startAt, timezone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["startAt"], message: parsed.error });
      return z.NEVER;
    }
    return { startAt: parsed.at, timezone, excludeIncomplete: input.excludeIncomplete };
  });

export const zJobId = z.number({ error: "Choose a job" }).int().positive("Choose a job");
