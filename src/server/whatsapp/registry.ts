import { AppError } from "../errors";
import { globalSingleton } from "../global-singleton";
import type { ConnectionManager } from "./manager";

/** The process's ConnectionManager lives on globalThis so the custom server and Next's bundle share it. */
function slot(): { current: ConnectionManager | null } {
  return globalSingleton("connectionManager", () => ({ current: null as ConnectionManager | null }));
}

export function installConnectionManager(manager: ConnectionManager | null): void {
  slot().current = manager;
}

export function findConnectionManager(): ConnectionManager | null {
  return slot().current;
}

/** The running manager; UNAVAILABLE when WhatsApp was not started in this process. */
export function connectionManager(): ConnectionManager {
  const manager = slot().current;
  if (!manager) throw new AppError("UNAVAILABLE", "WhatsApp is not running on this server");
  return manager;
}
