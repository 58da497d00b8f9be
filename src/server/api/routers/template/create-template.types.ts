import { z } from "zod";
import { ZTemplateSchema, zTemplateBody, zTemplateName } from "./template-schema";

export const ZCreateTemplateRequestSchema = z.object({ name: zTemplateName, body: zTemplateBody });
export const ZCreateTemplateResponseSchema = ZTemplateSchema;

export type TCreateTemplateRequest = z.infer<typeof ZCreateTemplateRequestSchema>;
export type TCreateTemplateResponse = z.infer<typeof ZCreateTemplateResponseSchema>;
