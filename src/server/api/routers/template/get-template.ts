import { toTemplateView } from "../../../services/templates/template-select";
import { ZGetTemplateResponseSchema } from "./get-template.types";
import { templateProcedure } from "./template-procedure";

/** Any live version, latest or not. */
export const getTemplateRoute = templateProcedure.output(ZGetTemplateResponseSchema).query(({ ctx }) => toTemplateView(ctx.template));
