import { useTemplate } from "../../../services/templates/use-template";
import { deviceProcedure } from "../../procedures";
import { ZUseTemplateRequestSchema, ZUseTemplateResponseSchema } from "./use-template.types";
import { rest } from "../../rest/rest-meta";

export const useTemplateRoute = deviceProcedure.meta(rest("POST", "/templates/{templateId}/send", "Templates", "Send a template from a device", "send"))
  .input(ZUseTemplateRequestSchema)
  .output(ZUseTemplateResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ deviceId: ctx.device.deviceId, actorId: ctx.actor.id, templateId: input.templateId }, "template.use");
    return useTemplate({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ...input });
  });
