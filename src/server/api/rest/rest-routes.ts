import { forEachOpenApiProcedure, getPathRegExp, normalizePath, type OpenApiRouter } from "trpc-to-openapi";
import { appRouter } from "../root";
import { objectShape, type InputShape } from "./query-input";

export interface RestRoute {
  method: string;
  pattern: RegExp;
  /** The tRPC path ("device.connect"). */
  procedure: string;
  type: "query" | "mutation";
  /** Field name → schema, merged over every `.input()` of the procedure; null when it takes no input. */
  shape: InputShape | null;
}

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}

/** Every procedure with REST meta, as the OpenAPI document lists it (built once per module copy). */
function buildRoutes(): RestRoute[] {
  const routes: RestRoute[] = [];
  const procedures = (appRouter as unknown as OpenApiRouter)._def.procedures;
  forEachOpenApiProcedure(procedures, ({ path, procedure, meta }) => {
    const def = (procedure as unknown as ProcedureDef)._def;
    if (def.type === "subscription") return;
    const shapes = def.inputs.map(objectShape).filter((s) => s !== null);
    routes.push({
      method: meta.openapi.method,
      pattern: getPathRegExp(normalizePath(meta.openapi.path)),
      procedure: path,
      type: def.type,
      shape: def.inputs.length === 0 ? null : Object.assign({}, ...shapes),
    });
  });
  // Literal segments win over parameters: /opt-outs/keywords before /opt-outs/{id}.
  return routes.sort((a, b) => paramCount(a.pattern) - paramCount(b.pattern));
}

function paramCount(pattern: RegExp): number {
  return (pattern.source.match(/\(\?</g) ?? []).length;
}

let routes: RestRoute[] | undefined;

export function restRoutes(): RestRoute[] {
  routes ??= buildRoutes();
  return routes;
}

export function matchRestRoute(method: string, path: string): { route: RestRoute; params: Record<string, string> } | "wrong-method" | null {
  const normalized = normalizePath(path);
  let pathMatched = false;
  for (const route of restRoutes()) {
    const match = route.pattern.exec(normalized);
    if (!match) continue;
    if (route.method !== method) {
      pathMatched = true;
      continue;
    }
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    return { route, params };
  }
  return pathMatched ? "wrong-method" : null;
}
