import { createTag } from "../../../services/contacts/create-tag";
import { protectedProcedure } from "../../trpc";
import { ZCreateTagRequestSchema, ZCreateTagResponseSchema } from "./create-tag.types";

export const createTagRoute = protectedProcedure
  .input(ZCreateTagRequestSchema)
  .output(ZCreateTagResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id }, "contact.tags.create");
    return createTag({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
