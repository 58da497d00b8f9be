import { createTRPCRouter } from "../../trpc";
import { createTemplateRoute } from "./create-template";
import { deleteTemplateRoute } from "./delete-template";
import { getTemplateRoute } from "./get-template";
import { listTemplateVersionsRoute } from "./list-template-versions";
import { listTemplatesRoute } from "./list-templates";
import { previewTemplateRoute } from "./preview-template";
import { updateTemplateRoute } from "./update-template";
import { useTemplateRoute } from "./use-template";

export const templateRouter = createTRPCRouter({
  list: listTemplatesRoute,
  get: getTemplateRoute,
  versions: listTemplateVersionsRoute,
  create: createTemplateRoute,
  update: updateTemplateRoute,
  delete: deleteTemplateRoute,
  preview: previewTemplateRoute,
  use: useTemplateRoute,
});
