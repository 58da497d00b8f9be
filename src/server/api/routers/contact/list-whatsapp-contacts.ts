import { listWhatsAppContacts } from "../../../services/contacts/list-whatsapp-contacts";
import { deviceProcedure } from "../../procedures";
import { ZListWhatsAppContactsResponseSchema } from "./list-whatsapp-contacts.types";

/** The device's WhatsApp address book, newest chat first; works whether or not the device is online. */
export const listWhatsAppContactsRoute = deviceProcedure
  .output(ZListWhatsAppContactsResponseSchema)
  .query(({ ctx }) => listWhatsAppContacts(ctx.device));
