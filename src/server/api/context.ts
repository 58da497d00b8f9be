import type { Logger } from "pino";
import { db, type Db } from "../db";
import { logger } from "../logger";
import { clientIp } from "../security/client-ip";

export interface SessionUser {
  id: number;
  role: "admin" | "user";
  sessionVersion: number;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export interface Context {
  db: Db;
  session: SessionUser | null;
  meta: RequestMeta;
  log: Logger;
}

/** A pure function of headers and the decoded session: the route handler, server components and tests build it the same way. */
export function createContext(opts: { headers: Headers; session: SessionUser | null }): Context {
  return {
    db: db(),
    session: opts.session,
    meta: { ip: clientIp(opts.headers), userAgent: opts.headers.get("user-agent") },
    log: logger(),
  };
}
