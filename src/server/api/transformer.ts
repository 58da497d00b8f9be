import { TRPCError } from "@trpc/server";
import superjson from "superjson";

/** Far deeper than any input the app sends; bounds the work superjson's recursive walkers do on hostile metadata. */
const MAX_INPUT_DEPTH = 64;

/** Iterative, so it cannot overflow the stack itself. Also rejects cycles (superjson's referentialEqualities can build them). */
function checkShape(value: unknown, what: string): void {
  const stack: Array<{ node: unknown; depth: number; ancestors: Set<object> }> = [{ node: value, depth: 0, ancestors: new Set() }];
  while (stack.length) {
    const { node, depth, ancestors } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_INPUT_DEPTH) throw malformed(`${what} is nested too deeply`);
    if (ancestors.has(node)) throw malformed(`${what} refers to itself`);
    const next = new Set(ancestors).add(node);
    const children = node instanceof Map ? [...node.keys(), ...node.values()] : node instanceof Set ? [...node] : Object.values(node);
    for (const child of children) stack.push({ node: child, depth: depth + 1, ancestors: next });
  }
}

function malformed(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: `The request input is malformed: ${message}` });
}

/**
 * superjson with a guarded input side: malformed metadata (unknown custom types, deeply nested value trees) makes
 * superjson recurse until "Maximum call stack size exceeded"; here it is a clear 400 before and after decoding.
 */
export const transformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown): unknown => {
      checkShape(payload, "the input");
      let value: unknown;
      try {
        value = superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
      } catch {
        throw malformed("its type metadata cannot be decoded");
      }
      checkShape(value, "the input");
      return value;
    },
  },
  output: superjson,
};
