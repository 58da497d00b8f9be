import { z } from "zod";
import { ZTagSchema, zTagColor, zTagName } from "./contact-schema";

/** Names are unique per owner, ignoring case (CONFLICT otherwise). */
export const ZCreateTagRequestSchema = z.object({ name: zTagName, color: zTagColor.optional() });
export const ZCreateTagResponseSchema = ZTagSchema;

export type TCreateTagRequest = z.infer<typeof ZCreateTagRequestSchema>;
export type TCreateTagResponse = z.infer<typeof ZCreateTagResponseSchema>;
