import { listContacts } from "../../../services/contacts/list-contacts";
import { protectedProcedure } from "../../trpc";
import { ZListContactsRequestSchema, ZListContactsResponseSchema } from "./list-contacts.types";
import { rest } from "../../rest/rest-meta";

export const listContactsRoute = protectedProcedure.meta(rest("GET", "/contacts", "Contacts", "List contacts"))
  .input(ZListContactsRequestSchema)
  .output(ZListContactsResponseSchema)
  .query(({ ctx, input }) => listContacts({ actor: ctx.actor, ...input, search: input.search || undefined }));
