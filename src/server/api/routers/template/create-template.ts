import { createTemplate } from "../../../services/templates/create-template";
import { protectedProcedure } from "../../trpc";
import { ZCreateTemplateRequestSchema, ZCreateTemplateResponseSchema } from "./create-template.types";

export const createTemplateRoute = protectedProcedure
  .input(ZCreateTemplateRequestSchema)
  .output(ZCreateTemplateResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, length: input.body.length }, "template.create");
    return createTemplate({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
