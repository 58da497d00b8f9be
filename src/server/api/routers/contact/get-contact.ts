import { withOptOuts } from "../../../services/contacts/contact-opt-outs";
import { toContactView } from "../../../services/contacts/contact-select";
import { contactProcedure } from "./contact-procedure";
import { ZGetContactResponseSchema } from "./get-contact.types";
import { rest } from "../../rest/rest-meta";

export const getContactRoute = contactProcedure
  .meta(rest("GET", "/contacts/{contactId}", "Contacts", "Get a contact"))
  .output(ZGetContactResponseSchema)
  .query(async ({ ctx }) => (await withOptOuts([toContactView(ctx.contact)]))[0]!);
