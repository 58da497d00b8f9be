/**
 * Query strings carry text only: turns each parameter into the type its input schema field expects, without
 * touching the schema (trpc-to-openapi's own handler marks shared schemas as coercing, which would change what the
 * tRPC endpoint accepts too, and reads "false" as true). Values that do not convert are left for zod to refuse.
 */
interface SchemaLike {
  _zod: { def: { type: string; innerType?: SchemaLike; in?: SchemaLike; element?: SchemaLike; shape?: Record<string, SchemaLike> } };
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

function unwrap(schema: SchemaLike): SchemaLike {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else break;
  }
  return current;
}

function convert(value: string, schema: SchemaLike): unknown {
  const type = unwrap(schema)._zod.def.type;
  if (type === "number" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

export type InputShape = Record<string, SchemaLike>;

/** The object shape behind an input schema (through defaults and pipes), or null when it is not an object. */
export function objectShape(schema: unknown): Record<string, SchemaLike> | null {
  if (!schema || typeof schema !== "object" || !("_zod" in schema)) return null;
  const inner = unwrap(schema as SchemaLike);
  return inner._zod.def.type === "object" && inner._zod.def.shape ? inner._zod.def.shape : null;
}

export function typedParams(params: Record<string, string[]>, shape: Record<string, SchemaLike>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(params)) {
    const field = shape[key];
    if (!field) {
      input[key] = values.length === 1 ? values[0] : values;
      continue;
    }
    const inner = unwrap(field);
    if (inner._zod.def.type === "array" && inner._zod.def.element) {
      const element = inner._zod.def.element;
      input[key] = values.flatMap((v) => v.split(",")).filter((v) => v !== "").map((v) => convert(v, element));
    } else {
      input[key] = convert(values[values.length - 1]!, field);
    }
  }
  return input;
}
