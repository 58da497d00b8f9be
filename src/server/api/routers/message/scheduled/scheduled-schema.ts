import { z } from "zod";
import { MessageStatus, MessageType, ScheduledStatus } from "@/generated/prisma/enums";
import { ZMediaSummarySchema } from "../media-schema";

/** A scheduled message as the API returns it (scheduledSelect + the sent message's status). */
export const ZScheduledMessageSchema = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  target: z.string(),
  content: z.string().nullable(),
  scheduleTime: z.date(),
  timezone: z.string(),
  status: z.enum(ScheduledStatus),
  error: z.string().nullable(),
  late: z.boolean(),
  attempts: z.number().int(),
  sentMessageId: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  device: z.object({ deviceId: z.string(), deviceName: z.string() }),
  /** With a file: the kind it goes out as, and the file (null if it was deleted since). */
  mediaType: z.enum(MessageType).nullable(),
  media: ZMediaSummarySchema.nullable(),
  sentMessage: z.object({ id: z.number().int(), waMessageId: z.string().nullable(), status: z.enum(MessageStatus) }).nullable(),
});
