import { withOptOuts } from "../../../services/contacts/contact-opt-outs";
import { toContactView } from "../../../services/contacts/contact-select";
import { contactProcedure } from "./contact-procedure";
import { ZGetContactResponseSchema } from "./get-contact.types";

export const getContactRoute = contactProcedure.output(ZGetContactResponseSchema).query(async ({ ctx }) => (await withOptOuts([toContactView(ctx.contact)]))[0]!);
