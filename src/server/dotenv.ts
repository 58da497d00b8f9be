import { existsSync } from "node:fs";
import path from "node:path";

/** Loads .env (variables already set in the environment win), as Next does for its own process. */
export function loadDotEnv(dir: string): void {
  const file = path.join(dir, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
