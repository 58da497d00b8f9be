import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, dropDatabase, siblingDatabaseUrl } from "../../helpers/database-server";
import { freePort } from "../../helpers/http-app";
import { TEST_DATABASE_URL } from "../../helpers/test-env";

/**
 * The image's start path, run from a clean copy of the repository: what `git clone` gives (tracked and new,
 * not-ignored files) is the build stage; the runtime stage gets exactly the files the Dockerfile's
 * `COPY --from=build` lines name; then a fresh data folder, an empty database, and scripts/container/entrypoint.sh.
 * The build stage's two steps are reused rather than re-run: node_modules is `npm install`'s output (linked), dist and
 * .next are `npm run build`'s output from this same tree (copied without the build cache) — test:all runs both steps
 * right before vitest, and a second 1–2 minute install+build here would test npm and Next, not our start path.
 * Not covered here: `npm prune --omit=dev` (the runtime node_modules is the full one).
 */
const repo = path.resolve(import.meta.dirname, "../../..");
const databaseUrl = siblingDatabaseUrl(TEST_DATABASE_URL, "container");
let work: string;
/** The build stage's /app. */
let build: string;
/** The runtime stage's /app. */
let app: string;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  baseUrl: string;
}

/** The runtime stage's `COPY --from=build [--chown=…] <sources…> <dest>` lines. */
function runtimeCopies(dockerfile: string): Array<{ sources: string[]; dest: string }> {
  const runtime = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
  return [...runtime.matchAll(/^COPY --from=build (?:--chown=\S+ )?(.+)$/gm)].map((m) => {
    const parts = m[1]!.trim().split(/\s+/);
    return { sources: parts.slice(0, -1), dest: parts.at(-1)! };
  });
}

/** The variables compose passes to the app container (nothing inherited from this process). */
function containerEnv(port: number, sandboxPort: number, autoMigrate: boolean): NodeJS.ProcessEnv {
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: work,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "container-test-secret-container-test-secret",
    NEXTAUTH_URL: baseUrl,
    WA_AUTH_KEY: "1".repeat(64),
    AUTO_MIGRATE: String(autoMigrate),
    HOST: "127.0.0.1",
    PORT: String(port),
    MEDIA_DIR: path.join(app, "data/media"),
    WA_MODE: "sandbox",
    WA_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    LOG_LEVEL: "info",
  };
}

/** `docker compose run --rm app <command…>`: the entrypoint runs the command instead of the server. */
function runOneOff(command: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["scripts/container/entrypoint.sh", ...command], { cwd: app, env: containerEnv(3000, 7780, false), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

/** Starts the entrypoint as the container would, with only the variables compose passes (no inherited env). */
async function startEntrypoint(opts: { autoMigrate: boolean }): Promise<Started> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn("sh", ["scripts/container/entrypoint.sh"], {
    cwd: app,
    env: containerEnv(port, await freePort(), opts.autoMigrate),
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
  build = path.join(work, "build");
  app = path.join(work, "app");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && existsSync(path.join(repo, f)));
  for (const file of files) {
    await mkdir(path.dirname(path.join(build, file)), { recursive: true });
    await cp(path.join(repo, file), path.join(build, file), { preserveTimestamps: true });
  }
  await symlink(path.join(repo, "node_modules"), path.join(build, "node_modules"), "dir");
  await cp(path.join(repo, "dist"), path.join(build, "dist"), { recursive: true });
  await cp(path.join(repo, ".next"), path.join(build, ".next"), {
    recursive: true,
    filter: (source) => path.relative(path.join(repo, ".next"), source).split(path.sep)[0] !== "cache",
  });
  await mkdir(app);
  for (const { sources, dest } of runtimeCopies(await readFile(path.join(build, "Dockerfile"), "utf8"))) {
    for (const source of sources) {
      const from = path.join(build, path.relative("/app", source));
      const to = dest.endsWith("/") ? path.join(app, dest, path.basename(source)) : path.join(app, dest);
      await cp(from, to, { recursive: true, verbatimSymlinks: true });
    }
  }
  await dropDatabase(databaseUrl);
}, 180_000);

afterAll(async () => {
  await dropDatabase(databaseUrl);
  if (work) await rm(work, { recursive: true, force: true });
});

describe("[OPS][CONTAINER] the image's start path from a clean copy", () => {
  it("the Dockerfile runs only the project's scripts, and they are in the clean copy", async () => {
    const dockerfile = await readFile(path.join(build, "Dockerfile"), "utf8");
    const steps = [...dockerfile.matchAll(/^(RUN|ENTRYPOINT|CMD|HEALTHCHECK)\s+(.*)$/gm)].map((m) => m[2]!);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const scripts = steps.flatMap((s) => [...s.matchAll(/scripts\/container\/[\w.-]+/g)].map((m) => m[0]));
    for (const step of steps) expect(step, `every step calls a project script: ${step}`).toMatch(/scripts\/container\//);
    for (const script of scripts) expect((await stat(path.join(build, script))).isFile(), script).toBe(true);
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]* AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    const compose = await readFile(path.join(build, "compose.yaml"), "utf8");
    for (const expected of ["restart: unless-stopped", "db-data:/var/lib/mysql", "media:/app/data", "healthcheck:", "env_file:"]) expect(compose).toContain(expected);
  });

  it("fresh data folder + empty database: migrations at start, health and readiness answer, SIGTERM stops cleanly", { timeout: 240_000 }, async () => {
    expect(existsSync(path.join(app, "data"))).toBe(false);
    // No application sources: only the one module next.config.ts imports when Next reads it at start.
    const sources = (await readdir(path.join(app, "src"), { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    expect(sources, "the runtime stage carries no sources but next.config.ts's import").toEqual(["security-headers.ts"]);
    const migrations = (await readdir(path.join(app, "prisma/migrations"), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();

    // Without AUTO_MIGRATE the server comes up on the empty database (as the MariaDB image creates it), and readiness
    // says what is missing.
    await createEmptyDatabase(databaseUrl);
    const unmigrated = await startEntrypoint({ autoMigrate: false });
    try {
      const ready = await fetch(`${unmigrated.baseUrl}/api/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, database: "ok", migrations: { pending: migrations, latest: null } });
    } finally {
      unmigrated.child.kill("SIGTERM");
    }
    expect(await unmigrated.exited).toBe(0);

    const first = await startEntrypoint({ autoMigrate: true });
    try {
      expect(first.output()).toMatch(/Applied \d+ migration\(s\)/);

      const health = await fetch(`${first.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: "ok", connectedDevices: 0 });

      const ready = await waitReady(first.baseUrl);
      expect(ready.status).toBe(200);
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
    const second = await startEntrypoint({ autoMigrate: true });
    try {
      expect(second.output()).toContain("Database is up to date");
      expect((await waitReady(second.baseUrl)).status).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
    }
    expect(await second.exited).toBe(0);

    // One-off commands through the entrypoint, as under `docker compose run`: the image's compiled ops scripts.
    const migrated = await runOneOff(["node", "dist/ops/migrate.mjs"]);
    expect(migrated).toMatchObject({ code: 0, output: expect.stringContaining("Database is up to date") });
    const backedUp = await runOneOff(["node", "dist/ops/backup.mjs", "--out", path.join(work, "backup")]);
    expect(backedUp.output).toContain("Backup written to");
    expect(backedUp.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(work, "backup/manifest.json"), "utf8"))).toMatchObject({ migrations: { latest: migrations.at(-1) } });
  });
});
