import { toContactView } from "../../../services/contacts/contact-select";
import { contactProcedure } from "./contact-procedure";
import { ZGetContactResponseSchema } from "./get-contact.types";
import { rest } from "../../rest/rest-meta";

export const getContactRoute = contactProcedure.meta(rest("GET", "/contacts/{contactId}", "Contacts", "Get a contact")).output(ZGetContactResponseSchema).query(({ ctx }) => toContactView(ctx.contact));
