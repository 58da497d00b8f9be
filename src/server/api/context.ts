import type { Logger } from "pino";
import { db, type Db } from "../db";
import { logger } from "../logger";
import { clientIp } from "../security/client-ip";
import type { ApiKeyScope } from "../services/api-keys/scopes";

export interface SessionUser {
  id: number;
  role: "admin" | "user";
  sessionVersion: number;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** Set only on /api/v1 requests, which an API key authenticates (never a cookie). */
export interface ApiKeyCaller {
  id: number;
  scopes: ApiKeyScope[];
}

export interface Context {
  db: Db;
  session: SessionUser | null;
  apiKey: ApiKeyCaller | null;
  meta: RequestMeta;
  log: Logger;
}

/** A pure function of headers and the decoded session: the route handler, server components and tests build it the same way. */
export function createContext(opts: { headers: Headers; session: SessionUser | null; apiKey?: ApiKeyCaller }): Context {
  return {
    db: db(),
    session: opts.session,
    apiKey: opts.apiKey ?? null,
    meta: { ip: clientIp(opts.headers), userAgent: opts.headers.get("user-agent") },
    log: logger(),
  };
}
