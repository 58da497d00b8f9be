import { z } from "zod";
import { ZRenderedSchema, ZTemplateVariablesSchema, zTemplateBody, zTemplateId } from "./template-schema";

/** Either a saved version (`templateId`) or an unsaved `body`, never both. */
export const ZPreviewTemplateRequestSchema = z.union(
  [
    z.strictObject({ templateId: zTemplateId, variables: ZTemplateVariablesSchema }),
    z.strictObject({ body: zTemplateBody, variables: ZTemplateVariablesSchema }),
  ],
  { error: "Give either a templateId or a body to preview" },
);
export const ZPreviewTemplateResponseSchema = ZRenderedSchema;

export type TPreviewTemplateRequest = z.infer<typeof ZPreviewTemplateRequestSchema>;
export type TPreviewTemplateResponse = z.infer<typeof ZPreviewTemplateResponseSchema>;
