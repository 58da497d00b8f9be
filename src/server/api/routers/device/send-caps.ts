import { getDeviceSendCaps, setDeviceSendCaps } from "../../../services/devices/device-send-caps";
import { deviceProcedure } from "../../procedures";
import { ZSendCapsResponseSchema, ZSetSendCapsRequestSchema } from "./send-caps.types";

export const getSendCapsRoute = deviceProcedure.output(ZSendCapsResponseSchema).query(({ ctx }) => getDeviceSendCaps(ctx.device));

export const setSendCapsRoute = deviceProcedure
  .input(ZSetSendCapsRequestSchema)
  .output(ZSendCapsResponseSchema)
  .mutation(({ ctx, input }) => setDeviceSendCaps({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, hourlyCap: input.hourlyCap, dailyCap: input.dailyCap }));
