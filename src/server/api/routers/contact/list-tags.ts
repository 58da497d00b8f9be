import { listTags } from "../../../services/contacts/list-tags";
import { protectedProcedure } from "../../trpc";
import { ZListTagsRequestSchema, ZListTagsResponseSchema } from "./list-tags.types";

export const listTagsRoute = protectedProcedure
  .input(ZListTagsRequestSchema)
  .output(ZListTagsResponseSchema)
  .query(async ({ ctx, input }) => ({ items: await listTags({ actor: ctx.actor, ownerId: input.ownerId }) }));
