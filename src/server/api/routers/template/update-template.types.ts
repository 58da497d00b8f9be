import { z } from "zod";
import { ZTemplateSchema, zTemplateBody, zTemplateName } from "./template-schema";

/** `templateId` must be the latest version (CONFLICT otherwise); omitted fields keep their value. */
export const ZUpdateTemplateRequestSchema = z.object({ name: zTemplateName.optional(), body: zTemplateBody.optional() });
export const ZUpdateTemplateResponseSchema = ZTemplateSchema;

export type TUpdateTemplateRequest = z.infer<typeof ZUpdateTemplateRequestSchema>;
export type TUpdateTemplateResponse = z.infer<typeof ZUpdateTemplateResponseSchema>;
