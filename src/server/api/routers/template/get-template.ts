import { toTemplateView } from "../../../services/templates/template-select";
import { ZGetTemplateResponseSchema } from "./get-template.types";
import { templateProcedure } from "./template-procedure";
import { rest } from "../../rest/rest-meta";

/** Any live version, latest or not. */
export const getTemplateRoute = templateProcedure.meta(rest("GET", "/templates/{templateId}", "Templates", "Get a template")).output(ZGetTemplateResponseSchema).query(({ ctx }) => toTemplateView(ctx.template));
