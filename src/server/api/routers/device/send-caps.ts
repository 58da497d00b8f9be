import { getDeviceSendCaps, setDeviceSendCaps } from "../../../services/devices/device-send-caps";
import { rest } from "../../rest/rest-meta";
import { deviceProcedure } from "../../procedures";
import { ZSendCapsResponseSchema, ZSetSendCapsRequestSchema } from "./send-caps.types";

export const getSendCapsRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/send-caps", "Devices", "The device's sending caps and use")).output(ZSendCapsResponseSchema).query(({ ctx }) => getDeviceSendCaps(ctx.device));

export const setSendCapsRoute = deviceProcedure
  .meta(rest("PUT", "/devices/{deviceId}/send-caps", "Devices", "Set the device's sending caps (null: the default)", "devices"))
  .input(ZSetSendCapsRequestSchema)
  .output(ZSendCapsResponseSchema)
  .mutation(({ ctx, input }) => setDeviceSendCaps({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, hourlyCap: input.hourlyCap, dailyCap: input.dailyCap }));
