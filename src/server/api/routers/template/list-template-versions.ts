import { listTemplateVersions } from "../../../services/templates/list-templates";
import { ZListTemplateVersionsResponseSchema } from "./list-template-versions.types";
import { templateProcedure } from "./template-procedure";
import { rest } from "../../rest/rest-meta";

/** Every version of the template that `templateId` (any of its versions) belongs to, newest first. */
export const listTemplateVersionsRoute = templateProcedure.meta(rest("GET", "/templates/{templateId}/versions", "Templates", "A template's versions"))
  .output(ZListTemplateVersionsResponseSchema)
  .query(async ({ ctx }) => ({ items: await listTemplateVersions(ctx.template) }));
