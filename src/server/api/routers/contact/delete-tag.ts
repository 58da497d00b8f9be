import { deleteTag } from "../../../services/contacts/delete-tag";
import { tagProcedure } from "./contact-procedure";
import { ZDeleteTagResponseSchema } from "./delete-tag.types";
import { rest } from "../../rest/rest-meta";

/** Deletes the tag; its contacts simply lose it. */
export const deleteTagRoute = tagProcedure.meta(rest("DELETE", "/tags/{tagId}", "Contacts", "Delete a tag", "send")).output(ZDeleteTagResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, tagId: ctx.tag.id }, "contact.tags.delete");
  return deleteTag({ actor: ctx.actor, meta: ctx.meta, tag: ctx.tag });
});
