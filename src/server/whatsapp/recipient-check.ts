import { NotOnWhatsAppError } from "./errors";

const REMEMBER_MS = 6 * 60 * 60 * 1000;
const MAX_REMEMBERED = 2000;
/** Numbers asked in one usync query when a batch is looked up ahead. */
const LOOKUP_BATCH = 50;

/** The numbers of `jids` WhatsApp has accounts for; undefined when WhatsApp gave no answer at all. */
export type RecipientLookup = (jids: string[]) => Promise<Set<string> | undefined>;

function isPhoneJid(jid: string): boolean {
  return jid.endsWith("@s.whatsapp.net");
}

/**
 * Asks WhatsApp whether a number has an account before a message goes to it: WhatsApp itself accepts a message to
 * a number without one and it never arrives. Numbers found on WhatsApp are remembered for a while (a bulk job to
 * the same people asks once), bounded per connection; absent ones are asked again, since a number can join.
 * A bulk lane looks its next recipients up ahead in one query (`lookAhead`), instead of one query per send.
 */
export class RecipientCheck {
  private readonly onWhatsApp = new Map<string, number>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(
    private readonly lookup: RecipientLookup,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts one lookup for the numbers among `jids` not known yet; `ensure` then waits for it instead of asking. */
  lookAhead(jids: string[]): void {
    if (this.asking.size >= MAX_REMEMBERED) return; // answers nobody used (cancelled items): the sends ask themselves
    const unknown = [...new Set(jids)].filter((jid) => isPhoneJid(jid) && !this.known(jid) && !this.asking.has(jid));
    for (let i = 0; i < unknown.length; i += LOOKUP_BATCH) this.ask(unknown.slice(i, i + LOOKUP_BATCH));
  }

  /** Throws NotOnWhatsAppError for a phone-number jid WhatsApp does not know; other jids (groups, LIDs) pass. */
  async ensure(jid: string): Promise<void> {
    if (!isPhoneJid(jid) || this.known(jid)) return;
    const answer = this.asking.get(jid) ?? this.ask([jid]).get(jid);
    // Used once: a number found absent is asked again at its next send.
    this.asking.delete(jid);
    const exists = await answer;
    if (!exists) {
      this.onWhatsApp.delete(jid);
      throw new NotOnWhatsAppError(jid);
    }
  }

  private known(jid: string): boolean {
    const until = this.onWhatsApp.get(jid);
    return until !== undefined && until > this.now();
  }

  private ask(jids: string[]): Map<string, Promise<boolean>> {
    const answer = this.lookup(jids);
    const asked = new Map<string, Promise<boolean>>();
    for (const jid of jids) {
      const forget = () => {
        if (this.asking.get(jid) === exists) this.asking.delete(jid);
      };
      // An absent number's answer waits for its send; a found one is remembered; a failed lookup (the connection
      // went away) is forgotten, so a send after the reconnect asks again.
      const exists = answer.then(
        (found) => {
          // No usync answer at all says nothing about the number: let the send decide.
          const yes = found === undefined || found.has(userOf(jid));
          if (yes) {
            this.remember(jid);
            forget();
          }
          return yes;
        },
        (error: unknown) => {
          forget();
          throw error;
        },
      );
      exists.catch(() => undefined); // a look-ahead nobody waits for must not be an unhandled rejection
      this.asking.set(jid, exists);
      asked.set(jid, exists);
    }
    return asked;
  }

  private remember(jid: string): void {
    this.onWhatsApp.delete(jid); // re-inserted last: the map's order is the eviction order
    if (this.onWhatsApp.size >= MAX_REMEMBERED) {
      const oldest = this.onWhatsApp.keys().next().value;
      if (oldest !== undefined) this.onWhatsApp.delete(oldest);
    }
    this.onWhatsApp.set(jid, this.now() + REMEMBER_MS);
  }
}

/** The number part of a user jid (`628…@s.whatsapp.net`, also with a device suffix `628…:3@…`). */
export function userOf(jid: string): string {
  return jid.split("@")[0]?.split(":")[0] ?? jid;
}
