import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";

const WORKER = path.join(import.meta.dirname, "sigkill-worker.ts");

export interface Worker {
  child: ChildProcess;
  exited: Promise<number | string | null>;
}

/** Starts a worker process and resolves once its devices are restored and the runner runs. */
export async function startWorker(sandbox: StartedSandbox): Promise<Worker> {
  // node --import tsx, not the tsx CLI: the CLI runs the script in a grandchild that a SIGKILL of the CLI would not reach.
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    // The production lease (60 s): a successor must recognise its predecessor's claims as dead, not wait them out.
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: { ...process.env, NODE_ENV: "test", WA_MODE: "sandbox", WA_SANDBOX_URL: `http://127.0.0.1:${sandbox.port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("ready\n")) resolve();
    });
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    if (process.env.SIGKILL_DEBUG) child.stdout?.on("data", (d: Buffer) => appendFileSync(`/tmp/worker-${child.pid}.log`, d));
    void exited.then((code) => reject(new Error(`worker exited (${String(code)}) before it was ready:\n${output}`)));
  });
  return { child, exited };
}


/** Resolves with the job's status once it has no pending item left (the worker runs in another process: its events are not ours). */
export async function jobSettled(jobId: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, total: true, completed: true, failed: true } });
    if (job.status !== "processing") return job.status;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still processing: ${job.completed}/${job.total} sent, ${job.failed} failed`);
    // A state poll across processes (20 ms), not a wait for time to pass.
    await new Promise((r) => setTimeout(r, 20));
  }
}
