import { z } from "zod";
import { JobItemStatus, JobStatus, JobType, MessageStatus } from "@/generated/prisma/enums";
import { ZJobPayload } from "../../../services/jobs/job-payload";

export const ZJobSchema = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  type: z.enum(JobType),
  status: z.enum(JobStatus),
  pauseReason: z.string().nullable(),
  error: z.string().nullable(),
  delayMinMs: z.number().int(),
  delayMaxMs: z.number().int(),
  total: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.number().int(),
  pending: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  payload: ZJobPayload,
  resumeAt: z.date().nullable(),
  timezone: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  updatedAt: z.date(),
  device: z.object({ deviceId: z.string(), deviceName: z.string() }),
  owner: z.object({ id: z.number().int(), username: z.string() }),
});

export const ZJobDetailSchema = ZJobSchema.extend({ replies: z.object({ messages: z.number().int(), recipients: z.number().int() }) });

export const ZJobItemSchema = z.object({
  id: z.number().int(),
  recipient: z.string(),
  name: z.string().nullable(),
  status: z.enum(JobItemStatus),
  attempts: z.number().int(),
  error: z.string().nullable(),
  sentAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  message: z.object({ id: z.number().int(), status: z.enum(MessageStatus), error: z.string().nullable(), updatedAt: z.date() }).nullable(),
});

const ZRecipient = z.object({ row: z.number().int(), phone: z.string(), name: z.string().nullable(), text: z.string() });

export const ZReviewSchema = z.object({
  counts: z.object({
    rows: z.number().int(),
    ready: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    optedOut: z.number().int(),
    missingValues: z.number().int(),
  }),
  ready: z.array(ZRecipient),
  invalid: z.array(z.object({ row: z.number().int(), input: z.string(), error: z.string() })),
  duplicates: z.array(z.object({ row: z.number().int(), phone: z.string() })),
  optedOut: z.array(ZRecipient),
  missingValues: z.array(z.object({ row: z.number().int(), phone: z.string(), missing: z.array(z.string()) })),
  estimatedSeconds: z.number().int(),
  capWait: z
    .object({ reason: z.enum(["hourly_cap", "daily_cap"]), cap: z.number().int(), waitsAt: z.date(), resumesAt: z.date() })
    .nullable(),
  dailyLimit: z.object({ limit: z.number().int(), usedToday: z.number().int(), thisJob: z.number().int(), remainingAfter: z.number().int() }),
  maxRecipients: z.number().int(),
});

export const ZJobListFilterSchema = z.object({
  deviceId: z.string().trim().max(100, "Device id is too long").optional(),
  status: z.enum(JobStatus, { error: "Unknown job state" }).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1, "Limit must be at least 1").max(100, "Limit must be at most 100").default(20),
});
