import { EventEmitter } from 'node:events';

type Listener<T> = (payload: T) => void;

/** A minimal typed facade over EventEmitter. */
export class TypedEmitter<Events extends object> {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Tests and the app attach many short-lived waiters.
    this.emitter.setMaxListeners(0);
  }

  on<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): this {
    this.emitter.on(event, listener);
    return this;
  }

  once<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): this {
    this.emitter.once(event, listener);
    return this;
  }

  off<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): this {
    this.emitter.off(event, listener);
    return this;
  }

  emit<K extends keyof Events & string>(event: K, payload: Events[K]): boolean {
    return this.emitter.emit(event, payload);
  }

  listenerCount<K extends keyof Events & string>(event: K): number {
    return this.emitter.listenerCount(event);
  }

  removeAllListeners(): void {
    this.emitter.removeAllListeners();
  }

  /** Resolves with the first payload matching `predicate`; rejects after `timeoutMs`. */
  waitFor<K extends keyof Events & string>(
    event: K,
    predicate: (payload: Events[K]) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Events[K]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.emitter.off(event, listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for sandbox event '${event}'`));
      }, timeoutMs);
      const listener = (payload: Events[K]): void => {
        if (predicate(payload)) {
          clearTimeout(timer);
          this.emitter.off(event, listener);
          resolve(payload);
        }
      };
      this.emitter.on(event, listener);
    });
  }
}
