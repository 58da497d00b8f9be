import { importContactsCsv } from "../../../services/contacts/import-contacts-csv";
import { rest } from "../../rest/rest-meta";
import { protectedProcedure } from "../../trpc";
import { ZImportContactsCsvRequestSchema, ZImportContactsCsvResponseSchema } from "./import-contacts-csv.types";

/** Imports into the caller's contacts; the response reports every bad row. A file where every row fails writes nothing. */
export const importContactsCsvRoute = protectedProcedure
  .meta(rest("POST", "/contacts/import", "Contacts", "Import contacts from a CSV file (text or base64)", "send"))
  .input(ZImportContactsCsvRequestSchema)
  .output(ZImportContactsCsvResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.log.info({ actorId: ctx.actor.id, bytes: input.csv.length }, "contact.importCsv");
    return importContactsCsv({ actor: ctx.actor, meta: ctx.meta, csv: input.csv });
  });
