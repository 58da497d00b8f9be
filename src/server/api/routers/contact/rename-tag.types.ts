import { z } from "zod";
import { ZTagSchema, zTagColor, zTagName } from "./contact-schema";

/** With `tagId`. `color` is optional: omitted keeps it, null clears it. */
export const ZRenameTagRequestSchema = z.object({ name: zTagName, color: zTagColor.optional() });
export const ZRenameTagResponseSchema = ZTagSchema;

export type TRenameTagRequest = z.infer<typeof ZRenameTagRequestSchema>;
export type TRenameTagResponse = z.infer<typeof ZRenameTagResponseSchema>;
