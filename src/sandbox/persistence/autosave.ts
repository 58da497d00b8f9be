import type { TypedEmitter } from '../events';
import type { SandboxEvents } from '../types';

const DEBOUNCE_MS = 300;

/**
 * Saves soon after anything worth keeping happened (a device paired or logged in, a message or receipt moved),
 * at most once per DEBOUNCE_MS; `flush` saves at once (on close). Returns the stop function.
 */
export const autosave = (events: TypedEmitter<SandboxEvents>, save: () => void): { flush(): void; stop(): void } => {
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    timer = undefined;
    save();
  };
  const schedule = (): void => {
    timer ??= setTimeout(run, DEBOUNCE_MS);
  };
  const names = ['paired', 'login', 'message', 'receipt', 'connection', 'group-update', 'group-message'] as const;
  for (const name of names) {
    events.on(name, schedule);
  }
  return {
    flush: () => {
      clearTimeout(timer);
      timer = undefined;
      save();
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      for (const name of names) {
        events.off(name, schedule);
      }
    },
  };
};
