import { createTag } from "../../../services/contacts/create-tag";
import { protectedProcedure } from "../../trpc";
import { ZCreateTagRequestSchema, ZCreateTagResponseSchema } from "./create-tag.types";
import { rest } from "../../rest/rest-meta";

export const createTagRoute = protectedProcedure.meta(rest("POST", "/tags", "Contacts", "Create a tag", "send"))
  .input(ZCreateTagRequestSchema)
  .output(ZCreateTagResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id }, "contact.tags.create");
    return createTag({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
