/**
 * Template placeholders are `{{name}}`, with optional whitespace inside the braces (`{{ name }}`); names use
 * letters, digits, `_` and `.` (`{{order.id}}` is one flat name, looked up as the key "order.id").
 * Anything else between double braces is left as literal text.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

export const PLACEHOLDER_NAME = /^[A-Za-z0-9_.]+$/;

export type TemplateVariables = Readonly<Record<string, string | number | null | undefined>>;

export type RenderResult =
  | { ok: true; text: string; placeholders: string[] }
  | { ok: false; missing: string[]; placeholders: string[] };

/** The distinct placeholder names of `body`, in order of first appearance. */
export function templatePlaceholders(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

/**
 * Fills every placeholder from `variables` in one pass, so a value that itself contains `{{x}}` is inserted as
 * typed and never expanded. A variable that is absent, null or undefined is missing; an empty string is a value.
 * Variables the body does not use are ignored.
 */
export function renderTemplate(body: string, variables: TemplateVariables): RenderResult {
  const placeholders = templatePlaceholders(body);
  const valueOf = (name: string): string | undefined => {
    if (!Object.hasOwn(variables, name)) return undefined;
    const value = variables[name];
    return value === null || value === undefined ? undefined : String(value);
  };
  const missing = placeholders.filter((name) => valueOf(name) === undefined);
  if (missing.length > 0) return { ok: false, missing, placeholders };
  const text = body.replace(PLACEHOLDER, (_match, name: string) => valueOf(name) ?? "");
  return { ok: true, text, placeholders };
}

/** "Fill in a value for {{name}}" / "Fill in values for {{name}}, {{order.id}}". */
export function missingVariablesMessage(missing: readonly string[]): string {
  const list = missing.map((name) => `{{${name}}}`).join(", ");
  return missing.length === 1 ? `Fill in a value for ${list}` : `Fill in values for ${list}`;
}
