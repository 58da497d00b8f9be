/**
 * An unbounded single-consumer queue read as an async iterator: one array push per item and no promise unless the
 * reader is waiting. Cheaper per item than `events.on()`, which matters when one event fans out to hundreds of readers.
 */
export class EventQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private waiting: ((result: IteratorResult<T, undefined>) => void) | null = null;
  private ended = false;

  push(item: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting({ done: false, value: item });
    } else this.items.push(item);
  }

  /** Ends the iteration once the items already queued are read. */
  end(): void {
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return {
      next: () => {
        if (this.items.length) return Promise.resolve({ done: false, value: this.items.shift() as T });
        if (this.ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (this.waiting = resolve));
      },
    };
  }
}
