import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, z } from "zod";
import { isAppError, toTRPCError } from "../errors";
import { consume, rateLimiters } from "../security/rate-limit";
import { genericErrorMessage, reportUnexpectedError } from "../unexpected-error";
import type { ApiKeyScope } from "../services/api-keys/scopes";
import { readSessionAccount, type SessionAccount } from "../services/auth/session-account";
import type { SessionUser } from "../auth/session-user";
import type { Actor } from "../authz/actor";
import { assertKeyMayCall, assertKeyMayAdminister } from "./rest/key-scope";
import type { Context } from "./context";
import { transformer } from "./transformer";

/** `openapi` exposes a procedure under /api/v1; `scope` is what an API key needs for it (queries default to read). */
export type ApiMeta = OpenApiMeta<{ scope?: ApiKeyScope }>;

const t = initTRPC.context<Context>().meta<ApiMeta>().create({
  transformer,
  errorFormatter({ shape, error, path, type }) {
    const cause = error.cause;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // The cause (an ORM call, a database code, table and column names) goes to the log, never to the client.
      const errorId = reportUnexpectedError(cause ?? error, { path, type });
      return {
        message: genericErrorMessage(errorId),
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path, errorId, zodError: null, appErrorCode: null },
      };
    }
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appErrorCode: isAppError(cause) ? cause.code : null,
        errorId: null,
      },
    };
  },
  sse: {
    ping: { enabled: true, intervalMs: 3000 },
    // Streams end every few minutes so the client reconnects and passes authentication again.
    maxDurationMs: 5 * 60_000,
    client: { reconnectAfterInactivityMs: 6000 },
  },
});

/** Domain errors thrown anywhere below become tRPC errors here, and nowhere else. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

const base = t.procedure.use(errorMapping);

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = base;

/** What an account whose password an admin set may still do: read itself, change the password, sign out. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(["auth.me", "auth.changePassword"]);

/** A call with a session (or an API key allowed this procedure); the account itself is checked by the next step. */
export const sessionProcedure = base.use(({ ctx, type, meta, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  if (ctx.apiKey) assertKeyMayCall(ctx.apiKey, meta, type);
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/**
 * The checks every signed-in call makes on its account, read fresh (a JWT outlives a lock or a password change, so
 * both take effect at once), and the caller's share of the API rate limit. Returns what procedures see of the caller.
 */
export async function admitAccount(
  session: SessionUser,
  user: SessionAccount | null,
  path: string,
): Promise<{ actor: Actor; user: SessionAccount }> {
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended; sign in again" });
  }
  if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Choose a new password first" });
  }
  await consume(rateLimiters().api, `user:${user.id}`, "requests").catch((error: unknown) => {
    throw toTRPCError(error) ?? error;
  });
  return { actor: { id: user.id, role: user.role }, user };
}

export const protectedProcedure = sessionProcedure.use(async ({ ctx, path, next }) => {
  const admitted = await admitAccount(ctx.session, await readSessionAccount(ctx.session.id), path);
  return next({ ctx: { ...ctx, ...admitted } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only" });
  if (ctx.apiKey) assertKeyMayAdminister(ctx.apiKey);
  return next();
});

export type { Actor } from "../authz/actor";
