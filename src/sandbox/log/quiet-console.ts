/**
 * libsignal reports routine session bookkeeping with console.* (WA-PROTOCOL P8), including whole
 * SessionEntry dumps with private keys. While a sandbox runs, those exact messages are dropped;
 * everything else (including libsignal's real decryption errors) still reaches the console.
 */
const LIBSIGNAL_NOISE = [
  'Closing open session in favor of incoming prekey bundle',
  'Closing session:',
  'Opening session:',
  'Removing old closed session:',
  'Session already closed',
  'Session already open',
  'Decrypted message with closed session.',
  'Migrating session to:',
];

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';
const METHODS: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];

let installs = 0;
let originals: Partial<Record<ConsoleMethod, (...args: unknown[]) => void>> = {};

export const isLibsignalNoise = (args: unknown[]): boolean => {
  const first = args[0];
  return typeof first === 'string' && LIBSIGNAL_NOISE.some(prefix => first.startsWith(prefix));
};

/** Installs the filter (reference counted); call the returned function to release it. */
export const quietLibsignalConsole = (): (() => void) => {
  if (installs++ === 0) {
    originals = {};
    for (const method of METHODS) {
      const original = console[method].bind(console);
      originals[method] = original;
      console[method] = (...args: unknown[]): void => {
        if (!isLibsignalNoise(args)) {
          original(...args);
        }
      };
    }
  }
  let released = false;
  return () => {
    if (released) {
      return;
    }
    released = true;
    if (--installs === 0) {
      for (const method of METHODS) {
        const original = originals[method];
        if (original) {
          console[method] = original;
        }
      }
    }
  };
};
