import { logger } from "../../logger";
import { storeIncomingMessage, type IncomingMessage } from "../messages/store-incoming-message";
import { recordOptOut } from "../opt-outs/record-opt-out";
import { runBot } from "../bot/bot-handler";
import { rememberMemberName } from "../groups/store-groups";

/** A domain consumer of a newly stored incoming message (never called for a redelivery). */
export interface IncomingHandler {
  name: string;
  handle(message: IncomingMessage, messageId: number): Promise<unknown>;
}

/** Consumers after storing, in order: an opt-out is recorded before the bot answers. */
const HANDLERS: readonly IncomingHandler[] = [
  { name: "opt-outs", handle: (message) => recordOptOut(message) },
  {
    name: "group-member-names",
    handle: async (message) => {
      if (message.chatJid.endsWith("@g.us") && message.pushName) {
        await rememberMemberName(message.device.id, message.chatJid, message.fromJid, message.pushName);
      }
    },
  },
  { name: "bot", handle: (message, id) => runBot(message, id) },
];

/**
 * The one way incoming messages reach the domain: store first (a redelivery stops here), then every handler in
 * turn. A failing handler is logged and does not keep the others from running.
 */
export async function handleIncomingMessage(message: IncomingMessage): Promise<number | null> {
  const id = await storeIncomingMessage(message);
  if (id === null) return null;
  for (const handler of HANDLERS) {
    try {
      await handler.handle(message, id);
    } catch (error) {
      logger().error({ err: error, handler: handler.name, deviceId: message.device.deviceId, messageId: id }, "incoming message handler failed");
    }
  }
  return id;
}
