import { syncContactsFromDevice } from "../../../services/contacts/sync-from-device";
import { deviceProcedure } from "../../procedures";
import { ZSyncContactsFromDeviceResponseSchema } from "./sync-contacts-from-device.types";
import { rest } from "../../rest/rest-meta";

/** Saves the device's WhatsApp address book into the device owner's contacts. */
export const syncContactsFromDeviceRoute = deviceProcedure.meta(rest("POST", "/devices/{deviceId}/contacts/sync", "Contacts", "Import contacts from the device", "send")).output(ZSyncContactsFromDeviceResponseSchema).mutation(async ({ ctx }) => {
  ctx.log.info({ actorId: ctx.actor.id, deviceId: ctx.device.deviceId }, "contact.syncFromDevice");
  return syncContactsFromDevice({ actor: ctx.actor, meta: ctx.meta, device: ctx.device });
});
