import { createContact } from "../../../services/contacts/create-contact";
import { protectedProcedure } from "../../trpc";
import { ZCreateContactRequestSchema, ZCreateContactResponseSchema } from "./create-contact.types";
import { rest } from "../../rest/rest-meta";

export const createContactRoute = protectedProcedure.meta(rest("POST", "/contacts", "Contacts", "Create a contact", "send"))
  .input(ZCreateContactRequestSchema)
  .output(ZCreateContactResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id }, "contact.create");
    return createContact({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
