import { z } from "zod";
import { ZContactSchema, zTagIds } from "./contact-schema";

/** With `contactId`: the complete new set of tags (an empty list clears them). */
export const ZSetContactTagsRequestSchema = z.object({ tagIds: zTagIds });
export const ZSetContactTagsResponseSchema = ZContactSchema;

export type TSetContactTagsRequest = z.infer<typeof ZSetContactTagsRequestSchema>;
export type TSetContactTagsResponse = z.infer<typeof ZSetContactTagsResponseSchema>;
