import { updateTemplate } from "../../../services/templates/update-template";
import { templateProcedure } from "./template-procedure";
import { ZUpdateTemplateRequestSchema, ZUpdateTemplateResponseSchema } from "./update-template.types";
import { rest } from "../../rest/rest-meta";

/** Saves a new version under the same baseId; the response is the new latest version. */
export const updateTemplateRoute = templateProcedure.meta(rest("PATCH", "/templates/{templateId}", "Templates", "Update a template (new version)", "send"))
  .input(ZUpdateTemplateRequestSchema)
  .output(ZUpdateTemplateResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, templateId: ctx.template.id }, "template.update");
    return updateTemplate({ actor: ctx.actor, meta: ctx.meta, template: ctx.template, name: input.name, body: input.body });
  });
