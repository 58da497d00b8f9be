import type { StartedSandbox } from "../../src/sandbox";
import { eventBus } from "../../src/server/events/bus";

/**
 * Resolves with the first truthy result of `probe`, evaluated now and again after every app event and every
 * sandbox message or receipt (never on a timer). On timeout, rejects with `explain()` so a failure says what was
 * left unfinished.
 */
export function waitUntil<T>(
  probe: () => Promise<T | null | undefined | false>,
  opts: { sandbox?: StartedSandbox; timeoutMs?: number; explain?: () => Promise<string> },
): Promise<T> {
  const abort = new AbortController();
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return new Promise<T>((resolve, reject) => {
    let running = false;
    let again = false;
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      abort.abort();
      opts.sandbox?.events.off("message", check);
      opts.sandbox?.events.off("receipt", check);
      outcome();
    };
    const check = (): void => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      void (async () => {
        try {
          do {
            again = false;
            const value = await probe();
            if (value) return finish(() => resolve(value));
          } while (again && !done);
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        } finally {
          running = false;
        }
      })();
    };
    const timer = setTimeout(() => {
      void (async () => {
        const why = opts.explain ? await opts.explain().catch((error: unknown) => String(error)) : "";
        finish(() => reject(new Error(`Condition not reached within ${timeoutMs} ms. ${why}`)));
      })();
    }, timeoutMs);
    opts.sandbox?.events.on("message", check);
    opts.sandbox?.events.on("receipt", check);
    void (async () => {
      for await (const event of eventBus().stream(abort.signal)) {
        void event;
        check();
      }
    })().catch(() => undefined);
    check();
  });
}
