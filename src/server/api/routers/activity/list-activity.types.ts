import { z } from "zod";

export const ZListActivityRequestSchema = z
  .object({
    /** Admins only: another user's activity. Users always see their own. */
    userId: z.number().int().positive().optional(),
    /** An action ("device.connect") or a category ("device"). */
    action: z
      .string()
      .trim()
      .max(64, "Action is too long")
      .regex(/^[a-z][A-Za-z]*(\.[A-Za-z]+)?$/, "Action must look like device or device.connect")
      .optional(),
    cursor: z.string().max(40, "The page cursor is not valid").regex(/^\d{1,15}:\d{1,10}$/, "The page cursor is not valid").optional(),
    limit: z.number().int().min(1, "Limit must be at least 1").max(100, "Limit must be at most 100").default(30),
  })
  .default({ limit: 30 });
export const ZActivityEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  details: z.record(z.string(), z.string()),
  ip: z.string().nullable(),
  createdAt: z.date(),
});
export const ZListActivityResponseSchema = z.object({ items: z.array(ZActivityEntrySchema), nextCursor: z.string().nullable() });

export type TListActivityRequest = z.infer<typeof ZListActivityRequestSchema>;
export type TListActivityResponse = z.infer<typeof ZListActivityResponseSchema>;
