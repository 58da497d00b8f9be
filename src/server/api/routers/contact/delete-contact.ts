import { deleteContact } from "../../../services/contacts/delete-contact";
import { contactProcedure } from "./contact-procedure";
import { ZDeleteContactResponseSchema } from "./delete-contact.types";
import { rest } from "../../rest/rest-meta";

export const deleteContactRoute = contactProcedure.meta(rest("DELETE", "/contacts/{contactId}", "Contacts", "Delete a contact", "send")).output(ZDeleteContactResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, contactId: ctx.contact.id }, "contact.delete");
  return deleteContact({ actor: ctx.actor, meta: ctx.meta, contact: ctx.contact });
});
