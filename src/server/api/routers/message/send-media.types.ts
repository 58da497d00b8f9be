import { z } from "zod";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { zPhone } from "@/lib/phone";
import { ZMessageSchema } from "./message-schema";

export const ZSendMediaRequestSchema = z.object({
  to: zPhone,
  /** A file the caller uploaded through POST /api/media. */
  mediaId: z.number({ error: "Choose a file to send" }).int().positive("Choose a file to send"),
  caption: z
    .string()
    .max(MAX_CAPTION_LENGTH, `A caption can be at most ${MAX_CAPTION_LENGTH} characters`)
    .optional()
    .transform((caption) => (caption?.trim() ? caption : undefined)),
  /** "document" sends any file as a document (e.g. a photo at full quality); "auto" follows the file's type. */
  sendAs: z.enum(["auto", "document"], { error: 'sendAs must be "auto" or "document"' }).default("auto"),
  /** Audio only: send as a push-to-talk voice note (needs Ogg/Opus). */
  voiceNote: z.boolean().default(false),
});
export const ZSendMediaResponseSchema = ZMessageSchema;

export type TSendMediaRequest = z.infer<typeof ZSendMediaRequestSchema>;
export type TSendMediaResponse = z.infer<typeof ZSendMediaResponseSchema>;
