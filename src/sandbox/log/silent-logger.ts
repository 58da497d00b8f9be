import type { ILogger } from 'baileys/lib/Utils/logger.js';

export type { ILogger };

/** A no-op ILogger for the fake peers' libsignal repositories (they log through it at trace/debug). */
export const silentLogger: ILogger = {
  level: 'silent',
  child: () => silentLogger,
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
