import { listMessages } from "../../../services/messages/list-messages";
import { deviceProcedure } from "../../procedures";
import { ZListMessagesRequestSchema, ZListMessagesResponseSchema } from "./list-messages.types";

export const listMessagesRoute = deviceProcedure
  .input(ZListMessagesRequestSchema)
  .output(ZListMessagesResponseSchema)
  .query(({ ctx, input }) => listMessages({ device: ctx.device, ...input }));
