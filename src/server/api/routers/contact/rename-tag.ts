import { renameTag } from "../../../services/contacts/rename-tag";
import { tagProcedure } from "./contact-procedure";
import { ZRenameTagRequestSchema, ZRenameTagResponseSchema } from "./rename-tag.types";
import { rest } from "../../rest/rest-meta";

export const renameTagRoute = tagProcedure.meta(rest("PATCH", "/tags/{tagId}", "Contacts", "Rename a tag", "send"))
  .input(ZRenameTagRequestSchema)
  .output(ZRenameTagResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, tagId: ctx.tag.id }, "contact.tags.rename");
    return renameTag({ actor: ctx.actor, meta: ctx.meta, tag: ctx.tag, name: input.name, color: input.color });
  });
