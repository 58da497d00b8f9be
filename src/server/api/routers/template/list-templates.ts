import { listTemplates } from "../../../services/templates/list-templates";
import { protectedProcedure } from "../../trpc";
import { ZListTemplatesRequestSchema, ZListTemplatesResponseSchema } from "./list-templates.types";

export const listTemplatesRoute = protectedProcedure
  .input(ZListTemplatesRequestSchema)
  .output(ZListTemplatesResponseSchema)
  .query(({ ctx, input }) => listTemplates({ actor: ctx.actor, ...input, search: input.search || undefined }));
