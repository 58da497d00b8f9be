import { setContactTags } from "../../../services/contacts/set-contact-tags";
import { contactProcedure } from "./contact-procedure";
import { ZSetContactTagsRequestSchema, ZSetContactTagsResponseSchema } from "./set-contact-tags.types";
import { rest } from "../../rest/rest-meta";

export const setContactTagsRoute = contactProcedure.meta(rest("PUT", "/contacts/{contactId}/tags", "Contacts", "Replace a contact's tags", "send"))
  .input(ZSetContactTagsRequestSchema)
  .output(ZSetContactTagsResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, contactId: ctx.contact.id, tags: input.tagIds.length }, "contact.setTags");
    return setContactTags({ actor: ctx.actor, meta: ctx.meta, contact: ctx.contact, tagIds: input.tagIds });
  });
