import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import type { DatabaseConnectionOptions } from "../db/database-url";

/** The first of `names` found on PATH (MariaDB ships mariadb-dump / mariadb; MySQL mysqldump / mysql). */
export async function findTool(names: string[]): Promise<string> {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new Error(`None of ${names.join(", ")} is installed: install the MariaDB client (apt-get install mariadb-client)`);
}

export interface ToolRun {
  stdin?: Readable;
  stdout?: Writable;
}

/**
 * Runs a MariaDB client tool against `db`. The password goes through MYSQL_PWD, never the command line (which any
 * user on the host can read in the process list).
 */
export function runTool(tool: string, db: DatabaseConnectionOptions, args: string[], io: ToolRun = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [`--host=${db.host}`, `--port=${db.port}`, `--user=${db.user}`, ...args], {
      env: { ...process.env, MYSQL_PWD: db.password },
      stdio: [io.stdin ? "pipe" : "ignore", io.stdout ? "pipe" : "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    if (io.stdin && child.stdin) io.stdin.pipe(child.stdin);
    if (io.stdout && child.stdout) child.stdout.pipe(io.stdout);
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(tool)} exited with ${code}: ${stderr.trim()}`));
    });
  });
}
