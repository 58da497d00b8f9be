import { listTemplates } from "../../../services/templates/list-templates";
import { protectedProcedure } from "../../trpc";
import { ZListTemplatesRequestSchema, ZListTemplatesResponseSchema } from "./list-templates.types";
import { rest } from "../../rest/rest-meta";

export const listTemplatesRoute = protectedProcedure.meta(rest("GET", "/templates", "Templates", "List templates"))
  .input(ZListTemplatesRequestSchema)
  .output(ZListTemplatesResponseSchema)
  .query(({ ctx, input }) => listTemplates({ actor: ctx.actor, ...input, search: input.search || undefined }));
