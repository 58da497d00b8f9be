import { sendGroupMedia, sendGroupText } from "../../../services/groups/send-to-group";
import { ZMessageSchema } from "../message/message-schema";
import { adminDeviceProcedure } from "../device/admin-device-procedure";
import { ZSendGroupMediaRequestSchema, ZSendGroupTextRequestSchema } from "./group-schema";

/** A text to the group (mentions written as @name/@number are resolved too). */
export const sendGroupMessageRoute = adminDeviceProcedure
  .input(ZSendGroupTextRequestSchema)
  .output(ZMessageSchema)
  .mutation(({ ctx, input }) => sendGroupText({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, text: input.text, mention: false }));

/** A text that mentions members as @name or @number; refused when it mentions nobody. */
export const sendGroupMentionRoute = adminDeviceProcedure
  .input(ZSendGroupTextRequestSchema)
  .output(ZMessageSchema)
  .mutation(({ ctx, input }) => sendGroupText({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, text: input.text, mention: true }));

/** An uploaded file to the group, with an optional caption (which may mention members). */
export const sendGroupMediaRoute = adminDeviceProcedure
  .input(ZSendGroupMediaRequestSchema)
  .output(ZMessageSchema)
  .mutation(({ ctx, input }) => sendGroupMedia({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, ...input }));
