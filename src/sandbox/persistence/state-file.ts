import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { BufferJSON } from 'baileys';

import type { DirectoryState } from '../directory/account-directory';
import type { GroupState } from '../groups/group';

/** What survives a sandbox restart: the noise root's seed and every account with its devices, keys and messages. */
export interface SandboxState {
  version: 1;
  seed: string;
  directory: DirectoryState;
  /** Absent in files written before groups existed. */
  groups?: GroupState[];
}

export const newSeed = (): string => randomBytes(32).toString('hex');

export const loadState = (file: string): SandboxState | undefined => {
  if (!existsSync(file)) {
    return undefined;
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8'), BufferJSON.reviver) as SandboxState;
  if (parsed.version !== 1 || typeof parsed.seed !== 'string' || !parsed.directory) {
    throw new Error(`${file} is not a sandbox state file this version can read`);
  }
  return parsed;
};

/** Written whole to a temporary file and renamed over the old one: a crash leaves the old or the new state. */
export const saveState = (file: string, state: SandboxState): void => {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  // Private keys of every simulated phone and device: readable by the owner only.
  writeFileSync(temporary, JSON.stringify(state, BufferJSON.replacer), { mode: 0o600 });
  renameSync(temporary, file);
};
