/**
 * Failure scenarios of the sandbox's phones, kept beside the account directory: numbers that are not on
 * WhatsApp (lookups report them absent, nothing is created for them) and phones that are offline (they take
 * messages only once they come back, and acknowledge them then).
 */
export class PhoneConditions {
  private readonly absent = new Set<string>();
  /** Offline phones, each with the deliveries waiting for it to come online (in arrival order). */
  private readonly offline = new Map<string, Array<() => void>>();

  markNotOnWhatsApp(phone: string): void {
    this.absent.add(phone);
  }

  /** The number joins WhatsApp again: lookups may find or create it. */
  clearNotOnWhatsApp(phone: string): void {
    this.absent.delete(phone);
  }

  isNotOnWhatsApp(phone: string): boolean {
    return this.absent.has(phone);
  }

  notOnWhatsApp(): string[] {
    return [...this.absent].sort();
  }

  isOnline(phone: string): boolean {
    return !this.offline.has(phone);
  }

  /**
   * Online: resolves now. Offline: resolves when the phone comes back. The router asks as a message arrives and
   * awaits the answer inside the phone's receive queue, so held messages are taken in the order they were sent.
   */
  whenOnline(phone: string): Promise<void> {
    const waiting = this.offline.get(phone);
    if (!waiting) return Promise.resolve();
    return new Promise(resolve => waiting.push(resolve));
  }

  setOnline(phone: string, online: boolean): void {
    if (!online) {
      if (!this.offline.has(phone)) this.offline.set(phone, []);
      return;
    }
    const waiting = this.offline.get(phone);
    this.offline.delete(phone);
    for (const release of waiting ?? []) release();
  }

  /** Messages the phone has not taken yet because it is offline. */
  heldCount(phone: string): number {
    return this.offline.get(phone)?.length ?? 0;
  }
}
