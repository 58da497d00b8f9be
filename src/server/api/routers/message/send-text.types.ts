import { z } from "zod";
import { zPhone } from "@/lib/phone";
import { ZMessageSchema } from "./message-schema";

/** WhatsApp's own limit for a text message. */
export const MAX_TEXT_LENGTH = 65_536;

export const ZSendTextRequestSchema = z.object({
  to: zPhone,
  text: z
    .string({ error: "Enter a message" })
    .refine((t) => t.trim().length > 0, "Enter a message")
    .refine((t) => t.length <= MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters`),
});
export const ZSendTextResponseSchema = ZMessageSchema;

export type TSendTextRequest = z.infer<typeof ZSendTextRequestSchema>;
export type TSendTextResponse = z.infer<typeof ZSendTextResponseSchema>;
