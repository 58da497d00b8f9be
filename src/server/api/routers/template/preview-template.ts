import { previewTemplate } from "../../../services/templates/preview-template";
import { rest } from "../../rest/rest-meta";
import { protectedProcedure } from "../../trpc";
import { ZPreviewTemplateRequestSchema, ZPreviewTemplateResponseSchema } from "./preview-template.types";

/**
 * A mutation although it writes nothing: a body of up to 16,000 characters does not fit in a GET query string.
 * For as-you-type previews the UI can call `renderTemplate` from `@/lib/render-template` directly.
 */
export const previewTemplateRoute = protectedProcedure
  .meta(rest("POST", "/templates/preview", "Templates", "Render a template with variables (nothing is sent or saved)", "read"))
  .input(ZPreviewTemplateRequestSchema)
  .output(ZPreviewTemplateResponseSchema)
  .mutation(({ ctx, input }) => previewTemplate({ actor: ctx.actor, ...input }));
