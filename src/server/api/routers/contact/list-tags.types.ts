import { z } from "zod";
import { ZTagSchema, zOwnerFilter } from "./contact-schema";

export const ZListTagsRequestSchema = z
  .object({
    /** Admins only: another user's tags. Users always see their own. */
    ownerId: zOwnerFilter,
  })
  .default({});
export const ZListTagsResponseSchema = z.object({ items: z.array(ZTagSchema) });

export type TListTagsRequest = z.infer<typeof ZListTagsRequestSchema>;
export type TListTagsResponse = z.infer<typeof ZListTagsResponseSchema>;
