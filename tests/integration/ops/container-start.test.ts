import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mariadb from "mariadb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/server/db/database-url";
import { freePort } from "../../helpers/http-app";
import { TEST_DATABASE_URL } from "../../helpers/test-env";

/**
 * The image's start path, run from a clean copy of the repository: what `git clone` gives (tracked and new,
 * not-ignored files), a fresh data folder, an empty database, scripts/container/entrypoint.sh with AUTO_MIGRATE=true.
 * The image's two build steps are reused rather than re-run: node_modules is `npm install`'s output (linked), dist and
 * .next are `npm run build`'s output from this same tree (copied without the build cache) — test:all runs both steps
 * right before vitest, and a second 1–2 minute install+build here would test npm and Next, not our start path.
 */
const repo = path.resolve(import.meta.dirname, "../../..");
const databaseUrl = TEST_DATABASE_URL.replace(/\/([A-Za-z0-9_]+)$/, "/$1_container");
let work: string;
let app: string;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  baseUrl: string;
}

async function dropDatabase(): Promise<void> {
  const opts = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
  } finally {
    await conn.end();
  }
}

/** Starts the entrypoint as the container would, with only the variables compose passes (no inherited env). */
async function startEntrypoint(): Promise<Started> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn("sh", ["scripts/container/entrypoint.sh"], {
    cwd: app,
    env: {
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: work,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "container-test-secret-container-test-secret",
      NEXTAUTH_URL: baseUrl,
      WA_AUTH_KEY: "1".repeat(64),
      AUTO_MIGRATE: "true",
      HOST: "127.0.0.1",
      PORT: String(port),
      MEDIA_DIR: path.join(app, "data/media"),
      WA_MODE: "sandbox",
      WA_SANDBOX_URL: `http://127.0.0.1:${await freePort()}`,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // The server logs "Switchboard ready" once it listens.
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (!output.includes('"msg":"Switchboard ready"')) return;
      child.stdout?.off("data", onData);
      resolve();
    };
    child.stdout?.on("data", onData);
    void exited.then((code) => reject(new Error(`the entrypoint exited (${code}) before the server was ready:\n${output}`)));
  });
  return { child, output: () => output, exited, baseUrl };
}

/** Readiness turns true once the background device restore finished: re-asked until then (a state poll). */
async function waitReady(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${baseUrl}/api/ready`);
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status === 200 || attempt > 200) return { status: res.status, body };
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  for (const built of ["dist/server.mjs", "dist/sandbox.mjs", "dist/ops/migrate.mjs", ".next/BUILD_ID"]) {
    if (!existsSync(path.join(repo, built))) throw new Error(`${built} is missing: run \`npm run build\` first (npm run test:all does)`);
  }
  work = await mkdtemp(path.join(tmpdir(), "switchboard-container-"));
  app = path.join(work, "app");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && existsSync(path.join(repo, f)));
  for (const file of files) {
    await mkdir(path.dirname(path.join(app, file)), { recursive: true });
    await cp(path.join(repo, file), path.join(app, file), { preserveTimestamps: true });
  }
  await symlink(path.join(repo, "node_modules"), path.join(app, "node_modules"), "dir");
  await cp(path.join(repo, "dist"), path.join(app, "dist"), { recursive: true });
  await cp(path.join(repo, ".next"), path.join(app, ".next"), {
    recursive: true,
    filter: (source) => path.relative(path.join(repo, ".next"), source).split(path.sep)[0] !== "cache",
  });
  await dropDatabase();
}, 180_000);

afterAll(async () => {
  await dropDatabase();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("[OPS][CONTAINER] the image's start path from a clean copy", () => {
  it("the Dockerfile runs only the project's scripts, and they are in the clean copy", async () => {
    const dockerfile = await readFile(path.join(app, "Dockerfile"), "utf8");
    const steps = [...dockerfile.matchAll(/^(RUN|ENTRYPOINT|CMD|HEALTHCHECK)\s+(.*)$/gm)].map((m) => m[2]!);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const scripts = steps.flatMap((s) => [...s.matchAll(/scripts\/container\/[\w.-]+/g)].map((m) => m[0]));
    for (const step of steps) expect(step, `every step calls a project script: ${step}`).toMatch(/scripts\/container\//);
    for (const script of scripts) expect((await stat(path.join(app, script))).isFile(), script).toBe(true);
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]* AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    const compose = await readFile(path.join(app, "compose.yaml"), "utf8");
    for (const expected of ["restart: unless-stopped", "db-data:/var/lib/mysql", "media:/app/data", "healthcheck:", "env_file:"]) expect(compose).toContain(expected);
  });

  it("fresh data folder + empty database: migrations at start, health and readiness answer, SIGTERM stops cleanly", { timeout: 180_000 }, async () => {
    expect(existsSync(path.join(app, "data"))).toBe(false);
    const first = await startEntrypoint();
    try {
      expect(first.output()).toMatch(/Applied \d+ migration\(s\)/);

      const health = await fetch(`${first.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: "ok", connectedDevices: 0 });

      const ready = await waitReady(first.baseUrl);
      expect(ready.status).toBe(200);
      const migrations = (await readdir(path.join(app, "prisma/migrations"), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      expect(ready.body).toMatchObject({
        ready: true,
        database: "ok",
        migrations: { pending: [], failed: null, latest: migrations.at(-1) },
        whatsapp: { running: true, phase: "done", total: 0 },
      });
      expect(existsSync(path.join(app, "data/media"))).toBe(true);

      const healthcheck = spawn(process.execPath, ["scripts/container/healthcheck.mjs"], { cwd: app, env: { NODE_ENV: "production", PORT: new URL(first.baseUrl).port }, stdio: "ignore" });
      expect(await new Promise((resolve) => healthcheck.once("exit", resolve))).toBe(0);
    } finally {
      first.child.kill("SIGTERM");
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    // A restart applies nothing and comes up the same way.
    const second = await startEntrypoint();
    try {
      expect(second.output()).toContain("Database is up to date");
      expect((await waitReady(second.baseUrl)).status).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
    }
    expect(await second.exited).toBe(0);
  });
});
