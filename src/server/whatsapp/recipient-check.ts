import { NotOnWhatsAppError } from "./errors";

const REMEMBER_MS = 6 * 60 * 60 * 1000;
const MAX_REMEMBERED = 2000;

/**
 * Asks WhatsApp whether a number has an account before a message goes to it: WhatsApp itself accepts a message to
 * a number without one and it never arrives. Numbers found on WhatsApp are remembered for a while (a bulk job to
 * the same people asks once), bounded per connection; absent ones are asked again, since a number can join.
 */
export class RecipientCheck {
  private readonly onWhatsApp = new Map<string, number>();

  constructor(
    private readonly lookup: (jid: string) => Promise<boolean>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws NotOnWhatsAppError for a phone-number jid WhatsApp does not know; other jids (groups, LIDs) pass. */
  async ensure(jid: string): Promise<void> {
    if (!jid.endsWith("@s.whatsapp.net")) return;
    const until = this.onWhatsApp.get(jid);
    if (until !== undefined && until > this.now()) return;
    if (!(await this.lookup(jid))) {
      this.onWhatsApp.delete(jid);
      throw new NotOnWhatsAppError(jid);
    }
    this.onWhatsApp.delete(jid); // re-inserted last: the map's order is the eviction order
    if (this.onWhatsApp.size >= MAX_REMEMBERED) {
      const oldest = this.onWhatsApp.keys().next().value;
      if (oldest !== undefined) this.onWhatsApp.delete(oldest);
    }
    this.onWhatsApp.set(jid, this.now() + REMEMBER_MS);
  }
}
