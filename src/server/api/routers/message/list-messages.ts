import { listMessages } from "../../../services/messages/list-messages";
import { deviceProcedure } from "../../procedures";
import { ZListMessagesRequestSchema, ZListMessagesResponseSchema } from "./list-messages.types";
import { rest } from "../../rest/rest-meta";

export const listMessagesRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/messages", "Messages", "Messages of a device"))
  .input(ZListMessagesRequestSchema)
  .output(ZListMessagesResponseSchema)
  .query(({ ctx, input }) => listMessages({ device: ctx.device, ...input }));
