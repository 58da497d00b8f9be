import { globalSingleton } from "../global-singleton";

type Listener = () => void;

function listeners(): Set<Listener> {
  // On globalThis: work is created from Next's bundle, the runner lives in the custom server's copy.
  return globalSingleton("jobs.nudgeListeners", () => new Set<Listener>());
}

/** Tells this process's runner that work may be due now, instead of waiting for its next poll. */
export function nudgeRunner(): void {
  for (const listener of listeners()) listener();
}

export function onNudge(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
