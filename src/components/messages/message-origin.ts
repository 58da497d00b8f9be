import type { MessageOrigin } from "@/generated/prisma/enums";
import type { Translate } from "@/i18n/types";

export interface OriginFields {
  direction: "incoming" | "outgoing";
  origin: MessageOrigin | null;
  /** Set only when someone other than the device's owner sent it. */
  sentBy: { name: string } | null;
}

/**
 * Who or what sent an outgoing message, when it is not simply the device's owner typing it: "Sent by Admin Ana",
 * "Scheduled message", "Chat blast", "Bot reply", "From a template". Null for incoming messages and the owner's own.
 */
export function messageOriginLabel(message: OriginFields, t: Translate): string | null {
  if (message.direction !== "outgoing") return null;
  const sender = message.sentBy?.name ?? null;
  switch (message.origin) {
    case "bot":
      return t("origin.bot");
    case "job":
      return t("origin.job");
    case "scheduled":
      return t("origin.scheduled");
    case "template":
      return sender ? t("origin.templateBy", { name: sender }) : t("origin.template");
    default:
      return sender ? t("origin.sentBy", { name: sender }) : null;
  }
}
