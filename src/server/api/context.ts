import type { Logger } from "pino";
import { db, type Db } from "../db";
import { logger } from "../logger";
import { clientIp } from "../security/client-ip";

import type { SessionUser } from "../auth/session-user";
import type { ApiKeyCaller } from "../services/api-keys/api-key-caller";

export type { ApiKeyCaller, SessionUser };

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
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
