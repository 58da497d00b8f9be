import { z } from "zod";
import { ZTemplateSchema } from "./template-schema";

export const ZListTemplatesRequestSchema = z
  .object({
    /** Admins only: another user's templates. Users always see their own. */
    ownerId: z.number().int().positive().optional(),
    /** Matches the name or the text. */
    search: z.string().trim().max(100, "Search text is too long").optional(),
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
  })
  .default({ limit: 50 });
export const ZListTemplatesResponseSchema = z.object({
  items: z.array(ZTemplateSchema),
  nextCursor: z.number().int().nullable(),
  total: z.number().int(),
});

export type TListTemplatesRequest = z.infer<typeof ZListTemplatesRequestSchema>;
export type TListTemplatesResponse = z.infer<typeof ZListTemplatesResponseSchema>;
