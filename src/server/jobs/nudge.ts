import { globalSingleton } from "../global-singleton";

type Listener = () => void;

function listeners(): Set<Listener> {
  // On globalThis: work is created from Next's bundle, the runner lives in the custom server's copy.
  return globalSingleton("jobs.nudgeListeners", () => new Set<Listener>());
}

function nudges(): { count: number } {
  return globalSingleton("jobs.nudgeCount", () => ({ count: 0 }));
}

/** Tells this process's runner that work may be due now, instead of waiting for its next poll. */
export function nudgeRunner(): void {
  nudges().count += 1;
  for (const listener of listeners()) listener();
}

/** How many nudges this process has sent: a source that remembers "nothing due" forgets it when this changes. */
export function nudgeCount(): number {
  return nudges().count;
}

export function onNudge(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
