import { toContactView } from "../../../services/contacts/contact-select";
import { contactProcedure } from "./contact-procedure";
import { ZGetContactResponseSchema } from "./get-contact.types";

export const getContactRoute = contactProcedure.output(ZGetContactResponseSchema).query(({ ctx }) => toContactView(ctx.contact));
