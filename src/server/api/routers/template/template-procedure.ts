import { z } from "zod";
import { AppError } from "../../../errors";
import { ownedTemplateWhere } from "../../../authz/owned";
import { templateSelect } from "../../../services/templates/template-select";
import { protectedProcedure } from "../../trpc";
import { zTemplateId } from "./template-schema";

/** Loads the live template version named by `input.templateId` for the caller, or NOT_FOUND. */
export const templateProcedure = protectedProcedure.input(z.object({ templateId: zTemplateId })).use(async ({ ctx, input, next }) => {
  const template = await ctx.db.template.findFirst({ where: ownedTemplateWhere(ctx.actor, input.templateId), select: templateSelect });
  if (!template) throw new AppError("NOT_FOUND", "Template not found");
  return next({ ctx: { ...ctx, template } });
});
