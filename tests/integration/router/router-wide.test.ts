import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import type { StartedSandbox } from "../../../src/sandbox";
import { appRouter } from "../../../src/server/api/root";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { makeProcedureWorld } from "../../helpers/procedure-world";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";
import { PROCEDURE_CASES, type ProcedureCase } from "./procedure-cases";

/**
 * Every procedure of appRouter, checked the same way (cases in procedure-cases.ts; see there how to add one):
 * anonymous and locked callers get UNAUTHORIZED, users on admin-only procedures FORBIDDEN, another user naming the
 * owner's resources the very NOT_FOUND a missing id gets, and none of these refusals changes a row. Permitted callers
 * succeed or fail for a declared domain reason. A bad-input set never yields INTERNAL_SERVER_ERROR, and a refused
 * bad input writes nothing.
 */
const TABLES = (await db().$queryRawUnsafe<Array<{ t: string }>>(
  "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> '_prisma_migrations'",
)).map((r) => r.t);

/** A checksum of every table's content: any insert, update (updatedAt included) or delete changes it. */
async function checksum(): Promise<string> {
  const rows = await db().$queryRawUnsafe<Array<{ Table: string; Checksum: bigint | number | null }>>(
    `CHECKSUM TABLE ${TABLES.map((t) => `\`${t}\``).join(", ")}`,
  );
  return rows.map((r) => `${r.Table}:${String(r.Checksum)}`).join(",");
}

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
const savedSandboxUrl = process.env.WA_SANDBOX_URL;

beforeAll(async () => {
  await resetDb();
  sandbox = await startTestSandbox();
  manager = startTestManager(sandbox);
  // sandbox.* procedures drive this in-process sandbox through its control API.
  process.env.WA_SANDBOX_URL = `http://127.0.0.1:${sandbox.port}`;
  resetEnvCache();
});

afterAll(async () => {
  await stopTestManager(manager);
  await sandbox?.close();
  if (savedSandboxUrl === undefined) delete process.env.WA_SANDBOX_URL;
  else process.env.WA_SANDBOX_URL = savedSandboxUrl;
  resetEnvCache();
});


const makeWorld = () => makeProcedureWorld(sandbox, "Router-wide");

type Outcome = { ok: true } | { ok: false; code: string; message: string };

/** Calls `path` as `user` (null = anonymous) through createCaller, as the route handler would. */
async function call(user: TestUser | null, path: string, input: unknown): Promise<Outcome> {
  const abort = new AbortController();
  const caller = await callerFor(user, { signal: abort.signal });
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    const result: unknown = await (target as (input: unknown) => Promise<unknown>)(input);
    // A subscription answers with a stream: the checks ran when it was opened; close it.
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      abort.abort();
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    }
    return { ok: true };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  } finally {
    abort.abort();
  }
}

function describeOutcome(o: Outcome): string {
  return o.ok ? "ok" : `${o.code}: ${o.message.slice(0, 300)}`;
}

/** A permitted call: success or a declared domain failure, never an internal error. */
function expectPermitted(outcome: Outcome, kase: ProcedureCase, who: string): void {
  if (outcome.ok) return;
  expect(outcome.code, `${who}: ${describeOutcome(outcome)}`).not.toBe("INTERNAL_SERVER_ERROR");
  expect(kase.domainErrors ?? [], `${who} failed: ${describeOutcome(outcome)}`).toContain(outcome.code);
}

// ---- bad inputs -------------------------------------------------------------------------------------------------

const MB = 1024 * 1024;
const EMOJI = "😀"; // 4 bytes in UTF-8, 2 UTF-16 units
const deepObject = (depth: number): unknown => (depth === 0 ? "x" : { a: deepObject(depth - 1) });

function badValuesFor(value: unknown, limit: number | undefined): unknown[] {
  const common: unknown[] = [undefined, null, {}, [], [value], deepObject(30), { toString: "x" }];
  if (typeof value === "string") {
    const probes = limit !== undefined ? [limit / 2, limit / 2 + 1, limit] : [100, 191, 192, 256, 32_768];
    return [
      ...common,
      42,
      -1,
      true,
      "a".repeat(MB),
      "",
      " ",
      "\u0000",
      "\uD83D",
      ...probes.map((n) => EMOJI.repeat(Math.floor(n))),
      ...(limit !== undefined ? ["a".repeat(limit), "a".repeat(limit + 1)] : []),
    ];
  }
  if (typeof value === "number") {
    return [...common, "1", String(value), true, -1, 0, -(2 ** 31), 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 1.5, Number.NaN, Infinity];
  }
  if (typeof value === "boolean") return [...common, "true", 1, 0];
  if (Array.isArray(value)) return [...common, value[0], "x", Array.from({ length: 10_000 }, () => value[0] ?? 1), [null], [[value[0]]]];
  return [...common, "x", 1, true];
}

function badInputs(valid: unknown, limits: Record<string, number> = {}): Array<{ label: string; input: unknown }> {
  const whole: unknown[] = [null, "x", 42, true, [], [valid], "a".repeat(MB), deepObject(60)];
  const out = whole.map((input, i) => ({ label: `whole input #${i}`, input }));
  if (valid && typeof valid === "object" && !Array.isArray(valid)) {
    const record = valid as Record<string, unknown>;
    out.push({ label: "unknown extra field", input: { ...record, extra: "a".repeat(MB) } });
    for (const key of Object.keys(record)) {
      const { [key]: _dropped, ...without } = record;
      out.push({ label: `${key} missing`, input: without });
      badValuesFor(record[key], limits[key]).forEach((bad, i) =>
        out.push({ label: `${key} bad #${i} (${typeof bad === "string" ? `string of ${bad.length}` : JSON.stringify(bad)?.slice(0, 40)})`, input: { ...record, [key]: bad } }),
      );
      const nested = record[key];
      if (nested && typeof nested === "object" && !Array.isArray(nested)) {
        for (const [inner, innerValue] of Object.entries(nested)) {
          badValuesFor(innerValue, undefined).forEach((bad, i) =>
            out.push({ label: `${key}.${inner} bad #${i}`, input: { ...record, [key]: { ...nested, [inner]: bad } } }),
          );
        }
        out.push({ label: `${key} with 10,000 entries`, input: { ...record, [key]: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, "v"])) } });
      }
    }
  }
  return out;
}

// ---- the checks ---------------------------------------------------------------------------------------------------

const procedures = Object.keys((appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures).sort();

describe("router-wide", () => {
  it("every procedure of appRouter has a case, and every case a procedure", () => {
    expect(procedures.length).toBeGreaterThan(50);
    expect(procedures.filter((p) => !(p in PROCEDURE_CASES)), "procedures without a case in procedure-cases.ts").toEqual([]);
    expect(Object.keys(PROCEDURE_CASES).filter((p) => !procedures.includes(p)), "cases for procedures that do not exist").toEqual([]);
  });

  for (const path of procedures) {
    const kase = PROCEDURE_CASES[path];
    if (!kase) continue;

    it(`${path}: refusals write nothing, bad input never yields an internal error, permitted callers never a 5xx`, async () => {
      // w for refusals and bad input, b for the permitted call, c for the admin's call on a user procedure.
      const [w, b, c] = await Promise.all([makeWorld(), makeWorld(), kase.access === "admin" ? null : makeWorld()]);
      for (const world of [w, b, c]) if (world) await kase.setup?.(world);
      const before = await checksum();

      // Refusals: anonymous, locked, role, ownership.
      if (kase.access !== "public") {
        const anonymous = await call(null, path, kase.input(w));
        expect(anonymous, "anonymous").toMatchObject({ ok: false, code: "UNAUTHORIZED" });
        const locked = await call(w.locked, path, kase.input(w));
        expect(locked, "locked user").toMatchObject({ ok: false, code: "UNAUTHORIZED" });
      }
      if (kase.access === "admin") {
        for (const user of [w.owner, w.other]) {
          expect(await call(user, path, kase.input(w)), "a user on an admin-only procedure").toMatchObject({ ok: false, code: "FORBIDDEN" });
        }
      }
      if (kase.missing) {
        const stranger = await call(w.other, path, kase.input(w));
        const missing = await call(w.owner, path, kase.missing(w));
        expect(missing, "the owner naming a missing id").toMatchObject({ ok: false, code: "NOT_FOUND" });
        expect(stranger, "another user naming the owner's ids gets exactly what a missing id gets").toEqual(missing);
      }
      expect(await checksum(), "a refused call changed a row").toBe(before);

      // Bad input, as the caller who may call the procedure.
      const permitted = kase.access === "admin" ? w.admin : kase.access === "public" ? null : w.owner;
      const failures: string[] = [];
      let baseline = before;
      for (const { label, input } of badInputs(kase.input(w), kase.limits)) {
        const outcome = await call(permitted, path, input);
        if (outcome.ok) await kase.settle?.(w);
        const after = await checksum();
        if (!outcome.ok && outcome.code === "INTERNAL_SERVER_ERROR") failures.push(`${label}: ${describeOutcome(outcome)}`);
        if (!outcome.ok && after !== baseline) failures.push(`${label}: refused (${outcome.code}) but changed a row`);
        baseline = after;
      }
      expect(failures, "bad inputs").toEqual([]);

      // The valid call, on a world of its own (a bad input that was accepted may have deleted or changed w's resources):
      // success or a declared domain failure.
      const permittedInB = kase.access === "admin" ? b.admin : kase.access === "public" ? null : b.owner;
      expectPermitted(await call(permittedInB, path, kase.input(b)), kase, "permitted caller");
      await kase.settle?.(b);
      if (c) {
        // Admins see everything: on yet another world, so the owner's call (a delete, say) cannot change the answer.
        const asAdmin = await call(c.admin, path, kase.input(c));
        if (kase.ownOnly) expect(asAdmin, "an admin naming the owner's ids on an own-only procedure").toEqual(await call(c.owner, path, kase.missing?.(c)));
        else expectPermitted(asAdmin, kase, "admin");
        await kase.settle?.(c);
      }
    });
  }
});
