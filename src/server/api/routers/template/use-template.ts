import { useTemplate } from "../../../services/templates/use-template";
import { deviceProcedure } from "../../procedures";
import { ZUseTemplateRequestSchema, ZUseTemplateResponseSchema } from "./use-template.types";

export const useTemplateRoute = deviceProcedure
  .input(ZUseTemplateRequestSchema)
  .output(ZUseTemplateResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, templateId: input.templateId }, "template.use");
    return useTemplate({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ...input });
  });
