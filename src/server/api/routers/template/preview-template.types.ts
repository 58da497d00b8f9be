import { z } from "zod";
import { ZRenderedSchema, ZTemplateVariablesSchema, zTemplateBody, zTemplateId } from "./template-schema";

const NEITHER_OR_BOTH = "Give either a templateId or a body to preview";

/**
 * Either a saved version (`templateId`) or an unsaved `body`, never both. One object rather than a union, so the
 * OpenAPI document can describe it as a request body.
 */
export const ZPreviewTemplateRequestSchema = z
  .strictObject({ templateId: zTemplateId.optional(), body: zTemplateBody.optional(), variables: ZTemplateVariablesSchema })
  .transform(({ templateId, body, variables }, ctx) => {
    if (templateId !== undefined && body === undefined) return { templateId, variables };
    if (body !== undefined && templateId === undefined) return { body, variables };
    ctx.addIssue({ code: "custom", message: NEITHER_OR_BOTH });
    return z.NEVER;
  });
export const ZPreviewTemplateResponseSchema = ZRenderedSchema;

export type TPreviewTemplateRequest = z.infer<typeof ZPreviewTemplateRequestSchema>;
export type TPreviewTemplateResponse = z.infer<typeof ZPreviewTemplateResponseSchema>;
