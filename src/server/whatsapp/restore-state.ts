import { globalSingleton } from "../global-singleton";
import type { RestoreSummary } from "./manager";

/** Where this process is in restoring its devices at start; the readiness check reports it. */
export interface RestoreState {
  phase: "not_started" | "restoring" | "done" | "failed";
  total: number;
  connected: number;
}

export function restoreState(): RestoreState {
  return globalSingleton("whatsappRestoreState", (): RestoreState => ({ phase: "not_started", total: 0, connected: 0 }));
}

/** Follows one restoreAll() run. */
export async function trackRestore(restoring: Promise<RestoreSummary>): Promise<RestoreSummary> {
  const state = restoreState();
  Object.assign(state, { phase: "restoring", total: 0, connected: 0 });
  try {
    const summary = await restoring;
    Object.assign(state, { phase: "done", total: summary.total, connected: summary.connected });
    return summary;
  } catch (error) {
    state.phase = "failed";
    throw error;
  }
}
