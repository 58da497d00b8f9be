import { z } from "zod";

/** The largest file of each kind, in bytes, that uploads and downloads accept. */
export const ZMediaLimitsResponseSchema = z.object({
  image: z.number().int(),
  video: z.number().int(),
  audio: z.number().int(),
  document: z.number().int(),
});

export type TMediaLimitsResponse = z.infer<typeof ZMediaLimitsResponseSchema>;
