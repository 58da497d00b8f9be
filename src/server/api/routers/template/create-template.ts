import { createTemplate } from "../../../services/templates/create-template";
import { protectedProcedure } from "../../trpc";
import { ZCreateTemplateRequestSchema, ZCreateTemplateResponseSchema } from "./create-template.types";
import { rest } from "../../rest/rest-meta";

export const createTemplateRoute = protectedProcedure.meta(rest("POST", "/templates", "Templates", "Create a template", "send"))
  .input(ZCreateTemplateRequestSchema)
  .output(ZCreateTemplateResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, length: input.body.length }, "template.create");
    return createTemplate({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
