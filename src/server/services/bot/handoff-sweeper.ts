import type { Logger } from "pino";
import { endExpiredHandoffs } from "./handoffs";

const EVERY_MS = 15_000;

/**
 * Ends hand-offs whose timeout passed, every 15 s (the first pass at once, so ones that expired while the server was
 * down end right after a restart). The deadline lives in each row, so no timer state is lost on a crash; a contact's
 * next message also ends an expired hand-off on its own. Returns a stop function.
 */
export function startHandoffSweeper(log: Logger, everyMs = EVERY_MS): () => void {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= endExpiredHandoffs()
      .then((ended) => {
        if (ended) log.info({ ended }, "hand-offs ended by timeout");
      })
      .catch((error: unknown) => log.error({ err: error }, "hand-off timeout sweep failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, 0);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
