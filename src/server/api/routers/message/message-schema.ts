import { z } from "zod";
import { MessageDirection, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { ZMediaSummarySchema } from "./media-schema";

/** A message as the API returns it (messageSelect). */
export const ZMessageSchema = z.object({
  id: z.number().int(),
  waMessageId: z.string().nullable(),
  chatJid: z.string(),
  fromJid: z.string(),
  toJid: z.string(),
  type: z.enum(MessageType),
  content: z.string().nullable(),
  direction: z.enum(MessageDirection),
  status: z.enum(MessageStatus),
  error: z.string().nullable(),
  timestamp: z.date(),
  createdAt: z.date(),
  updatedAt: z.date(),
  device: z.object({ deviceId: z.string(), deviceName: z.string() }),
  media: ZMediaSummarySchema.nullable(),
});
