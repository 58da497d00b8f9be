import type { TypedEmitter } from '../events';
import type { SandboxEvents } from '../types';

const DEBOUNCE_MS = 300;
/**
 * A save is synchronous and writes the whole state: with hundreds of devices (each with its prekeys) it takes
 * seconds, so the wait before the next one grows with it, keeping saving to about 1/SAVE_SHARE of the time.
 */
const SAVE_SHARE = 20;

/**
 * Saves soon after anything worth keeping happened (a device paired or logged in, a message or receipt moved),
 * at most once per DEBOUNCE_MS (longer when saves are slow); `flush` saves at once (on close).
 */
export const autosave = (events: TypedEmitter<SandboxEvents>, save: () => void): { flush(): void; stop(): void } => {
  let timer: NodeJS.Timeout | undefined;
  let lastSaveMs = 0;
  const timedSave = (): void => {
    const started = performance.now();
    save();
    lastSaveMs = performance.now() - started;
  };
  const run = (): void => {
    timer = undefined;
    timedSave();
  };
  const schedule = (): void => {
    timer ??= setTimeout(run, Math.max(DEBOUNCE_MS, SAVE_SHARE * lastSaveMs));
  };
  const names = ['paired', 'login', 'message', 'receipt', 'connection', 'group-update', 'group-message'] as const;
  for (const name of names) {
    events.on(name, schedule);
  }
  return {
    flush: () => {
      clearTimeout(timer);
      timer = undefined;
      timedSave();
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
