import { deleteTemplate } from "../../../services/templates/delete-template";
import { ZDeleteTemplateResponseSchema } from "./delete-template.types";
import { templateProcedure } from "./template-procedure";
import { rest } from "../../rest/rest-meta";

/** Deletes the template with all its versions (given any one of them). */
export const deleteTemplateRoute = templateProcedure.meta(rest("DELETE", "/templates/{templateId}", "Templates", "Delete a template", "send")).output(ZDeleteTemplateResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, templateId: ctx.template.id }, "template.delete");
  return deleteTemplate({ actor: ctx.actor, meta: ctx.meta, template: ctx.template });
});
