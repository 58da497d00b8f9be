import { listWhatsAppContacts } from "../../../services/contacts/list-whatsapp-contacts";
import { deviceProcedure } from "../../procedures";
import { ZListWhatsAppContactsResponseSchema } from "./list-whatsapp-contacts.types";
import { rest } from "../../rest/rest-meta";

/** The device's WhatsApp address book, newest chat first; works whether or not the device is online. */
export const listWhatsAppContactsRoute = deviceProcedure.meta(rest("GET", "/devices/{deviceId}/whatsapp-contacts", "Contacts", "The device's WhatsApp address book"))
  .output(ZListWhatsAppContactsResponseSchema)
  .query(({ ctx }) => listWhatsAppContacts(ctx.device));
