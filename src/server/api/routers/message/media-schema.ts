import { z } from "zod";
import { MediaKind } from "@/generated/prisma/enums";

/** A message's media (mediaSummarySelect); the bytes are at /api/media/<id>. */
export const ZMediaSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(MediaKind),
  mimeType: z.string(),
  size: z.number().int(),
  fileName: z.string().nullable(),
});
