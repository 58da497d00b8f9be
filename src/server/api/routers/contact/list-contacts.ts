import { listContacts } from "../../../services/contacts/list-contacts";
import { protectedProcedure } from "../../trpc";
import { ZListContactsRequestSchema, ZListContactsResponseSchema } from "./list-contacts.types";

export const listContactsRoute = protectedProcedure
  .input(ZListContactsRequestSchema)
  .output(ZListContactsResponseSchema)
  .query(({ ctx, input }) => listContacts({ actor: ctx.actor, ...input, search: input.search || undefined }));
