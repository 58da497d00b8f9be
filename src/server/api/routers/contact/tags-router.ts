import { createTRPCRouter } from "../../trpc";
import { createTagRoute } from "./create-tag";
import { deleteTagRoute } from "./delete-tag";
import { listTagsRoute } from "./list-tags";
import { renameTagRoute } from "./rename-tag";

export const contactTagsRouter = createTRPCRouter({
  list: listTagsRoute,
  create: createTagRoute,
  rename: renameTagRoute,
  delete: deleteTagRoute,
});
