import { listTemplateVersions } from "../../../services/templates/list-templates";
import { ZListTemplateVersionsResponseSchema } from "./list-template-versions.types";
import { templateProcedure } from "./template-procedure";

/** Every version of the template that `templateId` (any of its versions) belongs to, newest first. */
export const listTemplateVersionsRoute = templateProcedure
  .output(ZListTemplateVersionsResponseSchema)
  .query(async ({ ctx }) => ({ items: await listTemplateVersions(ctx.template) }));
