/** Failure reasons stored on messages that the UI shows in the reader's language (the stored text stays English). */
export const NOT_ON_WHATSAPP_REASON = "This number is not on WhatsApp";

export type KnownSendFailure = "notOnWhatsApp";

export function knownSendFailure(reason: string | null | undefined): KnownSendFailure | null {
  return reason === NOT_ON_WHATSAPP_REASON ? "notOnWhatsApp" : null;
}
