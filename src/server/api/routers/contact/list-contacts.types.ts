import { z } from "zod";
import { ZContactWithOptOutSchema, zOwnerFilter, zTagId } from "./contact-schema";

export const ZListContactsRequestSchema = z
  .object({
    /** Admins only: another user's contacts. Users always see their own. */
    ownerId: zOwnerFilter,
    tagIds: z.array(zTagId).max(50, "Filter by at most 50 tags").optional(),
    /** "any" (default): at least one of tagIds; "all": every one of them. */
    tagMatch: z.enum(["any", "all"]).default("any"),
    /** Part of the name or of the number, as typed. */
    search: z.string().trim().max(100, "Search text is too long").optional(),
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
  })
  .default({ limit: 50, tagMatch: "any" });
export const ZListContactsResponseSchema = z.object({
  items: z.array(ZContactWithOptOutSchema),
  nextCursor: z.number().int().nullable(),
  /** Contacts matching the filter, across all pages. */
  total: z.number().int(),
});

export type TListContactsRequest = z.infer<typeof ZListContactsRequestSchema>;
export type TListContactsResponse = z.infer<typeof ZListContactsResponseSchema>;
