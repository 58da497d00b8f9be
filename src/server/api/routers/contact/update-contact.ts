import { updateContact } from "../../../services/contacts/update-contact";
import { contactProcedure } from "./contact-procedure";
import { ZUpdateContactRequestSchema, ZUpdateContactResponseSchema } from "./update-contact.types";
import { rest } from "../../rest/rest-meta";

export const updateContactRoute = contactProcedure.meta(rest("PATCH", "/contacts/{contactId}", "Contacts", "Update a contact", "send"))
  .input(ZUpdateContactRequestSchema)
  .output(ZUpdateContactResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, contactId: ctx.contact.id }, "contact.update");
    return updateContact({ actor: ctx.actor, meta: ctx.meta, contact: ctx.contact, ...input });
  });
