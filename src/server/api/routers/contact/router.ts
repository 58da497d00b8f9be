import { createTRPCRouter } from "../../trpc";
import { createContactRoute } from "./create-contact";
import { deleteContactRoute } from "./delete-contact";
import { getContactRoute } from "./get-contact";
import { importContactsCsvRoute } from "./import-contacts-csv";
import { listContactsRoute } from "./list-contacts";
import { listWhatsAppContactsRoute } from "./list-whatsapp-contacts";
import { setContactTagsRoute } from "./set-contact-tags";
import { syncContactsFromDeviceRoute } from "./sync-contacts-from-device";
import { contactTagsRouter } from "./tags-router";
import { updateContactRoute } from "./update-contact";

export const contactRouter = createTRPCRouter({
  list: listContactsRoute,
  get: getContactRoute,
  create: createContactRoute,
  update: updateContactRoute,
  delete: deleteContactRoute,
  setTags: setContactTagsRoute,
  tags: contactTagsRouter,
  fromWhatsApp: listWhatsAppContactsRoute,
  syncFromDevice: syncContactsFromDeviceRoute,
  importCsv: importContactsCsvRoute,
});
