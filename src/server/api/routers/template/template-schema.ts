import { z } from "zod";
import { PLACEHOLDER_NAME, PLACEHOLDER_NAME_RULE } from "@/lib/render-template";

export const TEMPLATE_NAME_MAX = 100;
/** Bodies live in a TEXT column (65,535 bytes): 16,000 characters fit even at 4 bytes each. */
export const TEMPLATE_BODY_MAX = 16_000;

export const zTemplateId = z
  .number({ error: "Template id must be a number" })
  .int("Template id must be a whole number")
  .positive("Template id must be a positive number");

export const zTemplateName = z
  .string({ error: "Enter a template name" })
  .trim()
  .min(1, "Enter a template name")
  .max(TEMPLATE_NAME_MAX, `A template name can be at most ${TEMPLATE_NAME_MAX} characters`);

export const zTemplateBody = z
  .string({ error: "Enter the template text" })
  .refine((body) => body.trim().length > 0, "Enter the template text")
  .refine((body) => body.length <= TEMPLATE_BODY_MAX, `A template can be at most ${TEMPLATE_BODY_MAX} characters`);

/** Values for placeholders, by name; names the body does not use are ignored. */
export const ZTemplateVariablesSchema = z
  .record(
    z
      .string()
      .max(64, "A variable name can be at most 64 characters")
      .regex(PLACEHOLDER_NAME, `Variable names may only contain ${PLACEHOLDER_NAME_RULE}`),
    z.union([z.string().max(4_096, "A variable value can be at most 4096 characters"), z.number()], {
      error: "A variable value must be text or a number",
    }),
  )
  .refine((variables) => Object.keys(variables).length <= 200, "At most 200 variables")
  .default({});

/** A template version as the API returns it. `createdAt` is when this version was saved. */
export const ZTemplateSchema = z.object({
  id: z.number().int(),
  baseId: z.string(),
  version: z.number().int(),
  isLatest: z.boolean(),
  ownerId: z.number().int(),
  name: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
  createdAt: z.date(),
});

export const ZRenderedSchema = z.object({ text: z.string(), placeholders: z.array(z.string()) });
