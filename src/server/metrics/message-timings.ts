/**
 * When each recent outgoing message entered a status, so the next status can be timed. Bounded: messages that never
 * get a receipt (a phone that stays offline) must not grow the map forever, so the oldest entries are dropped first.
 */
export class MessageTimings {
  private readonly at = new Map<number, number>();

  constructor(private readonly capacity = 50_000) {}

  mark(messageId: number, atMs: number): void {
    this.at.delete(messageId);
    this.at.set(messageId, atMs);
    if (this.at.size > this.capacity) {
      const oldest = this.at.keys().next();
      if (!oldest.done) this.at.delete(oldest.value);
    }
  }

  /** Seconds since the mark, removing it; null when the message was never marked (or already dropped). */
  take(messageId: number, atMs: number): number | null {
    const start = this.at.get(messageId);
    if (start === undefined) return null;
    this.at.delete(messageId);
    return Math.max(0, atMs - start) / 1000;
  }

  forget(messageId: number): void {
    this.at.delete(messageId);
  }
}
