import { createContact } from "../../../services/contacts/create-contact";
import { protectedProcedure } from "../../trpc";
import { ZCreateContactRequestSchema, ZCreateContactResponseSchema } from "./create-contact.types";

export const createContactRoute = protectedProcedure
  .input(ZCreateContactRequestSchema)
  .output(ZCreateContactResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id }, "contact.create");
    return createContact({ actor: ctx.actor, meta: ctx.meta, ...input });
  });
