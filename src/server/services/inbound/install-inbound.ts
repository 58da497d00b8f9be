import { installInboundHandlers } from "../../whatsapp/inbound-port";
import { storeIncomingMedia } from "../media/store-incoming-media";
import { incomingMessageExists } from "../messages/store-incoming-message";
import { updateOutgoingStatus } from "../messages/update-outgoing-status";
import { handleGroupChange, handleGroupsFetched } from "./group-events";
import { handleIncomingMessage } from "./incoming-pipeline";

/** Hands this process's inbound WhatsApp traffic to the domain's handlers: every entry point calls it once, first. */
export function installInbound(): void {
  installInboundHandlers({
    incomingExists: incomingMessageExists,
    storeMedia: storeIncomingMedia,
    incomingMessage: handleIncomingMessage,
    outgoingStatus: updateOutgoingStatus,
    groupChange: handleGroupChange,
    groupsFetched: handleGroupsFetched,
  });
}
