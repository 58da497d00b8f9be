import { listTags } from "../../../services/contacts/list-tags";
import { protectedProcedure } from "../../trpc";
import { ZListTagsRequestSchema, ZListTagsResponseSchema } from "./list-tags.types";
import { rest } from "../../rest/rest-meta";

export const listTagsRoute = protectedProcedure.meta(rest("GET", "/tags", "Contacts", "List tags"))
  .input(ZListTagsRequestSchema)
  .output(ZListTagsResponseSchema)
  .query(async ({ ctx, input }) => ({ items: await listTags({ actor: ctx.actor, ownerId: input.ownerId }) }));
