/**
 * The one grammar for template variables, used by the editor, the preview, the API's validation and sending.
 * A placeholder is `{{name}}`, with optional whitespace inside the braces (`{{ name }}`); a name uses letters,
 * digits, `_` and `.` (`{{order.id}}` is one flat name, looked up as the key "order.id").
 * Anything else written with double braces (`{{ pay method }}`, `{{bad-var}}`, `{{}}`, an unclosed `{{x` or a
 * stray `}}`) is malformed: it is reported by templateProblems and refused when sending, never sent as typed.
 */
const NAME = "[A-Za-z0-9_.]+";
const PLACEHOLDER = new RegExp(`\\{\\{\\s*(${NAME})\\s*\\}\\}`, "g");

export const PLACEHOLDER_NAME = new RegExp(`^${NAME}$`);

/** Human wording of the grammar, for error messages. */
export const PLACEHOLDER_NAME_RULE = "letters, digits, '_' and '.'";

export type TemplateProblemKind = "invalid-name" | "unclosed" | "unopened";

export interface TemplateProblem {
  kind: TemplateProblemKind;
  /** The offending text as written, e.g. "{{ pay method }}" or "{{x". */
  text: string;
  /** Where it starts in the body. */
  index: number;
}

/** A fresh regex per call, so no `lastIndex` is shared between callers. */
export function placeholderPattern(): RegExp {
  return new RegExp(PLACEHOLDER.source, "g");
}

/** Every double-brace construct of `body` that is not a valid placeholder, in order of appearance. */
export function templateProblems(body: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  // Blank out well-formed pairs (valid or not) so what is left are unpaired braces; lengths are kept for indexes.
  const rest = body.replace(/\{\{([^{}]*?)\}\}/g, (pair: string, inner: string, index: number) => {
    if (!PLACEHOLDER_NAME.test(inner.trim())) problems.push({ kind: "invalid-name", text: pair, index });
    return " ".repeat(pair.length);
  });
  for (const match of rest.matchAll(/\{\{|\}\}/g)) {
    const index = match.index ?? 0;
    if (match[0] === "{{") {
      const text = /^\{\{\s*[^\s{}]*/.exec(body.slice(index))?.[0] ?? "{{";
      problems.push({ kind: "unclosed", text: text.slice(0, 40), index });
    } else {
      const word = /[^\s{}]*$/.exec(body.slice(0, index))?.[0] ?? "";
      problems.push({ kind: "unopened", text: `${word.slice(-38)}}}`, index: index - word.length });
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

export type TemplateVariables = Readonly<Record<string, string | number | null | undefined>>;

export type RenderResult =
  | { ok: true; text: string; placeholders: string[] }
  | { ok: false; missing: string[]; malformed: TemplateProblem[]; placeholders: string[] };

/** The distinct placeholder names of `body`, in order of first appearance. */
export function templatePlaceholders(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

/**
 * Fills every placeholder from `variables` in one pass, so a value that itself contains `{{x}}` is inserted as
 * typed and never expanded. A variable that is absent, null or undefined is missing; an empty string is a value.
 * Variables the body does not use are ignored. A body with malformed placeholders does not render.
 */
export function renderTemplate(body: string, variables: TemplateVariables): RenderResult {
  const placeholders = templatePlaceholders(body);
  const valueOf = (name: string): string | undefined => {
    if (!Object.hasOwn(variables, name)) return undefined;
    const value = variables[name];
    return value === null || value === undefined ? undefined : String(value);
  };
  const missing = placeholders.filter((name) => valueOf(name) === undefined);
  const malformed = templateProblems(body);
  if (missing.length > 0 || malformed.length > 0) return { ok: false, missing, malformed, placeholders };
  const text = body.replace(PLACEHOLDER, (_match, name: string) => valueOf(name) ?? "");
  return { ok: true, text, placeholders };
}

/** "Fill in a value for {{name}}" / "Fill in values for {{name}}, {{order.id}}". */
export function missingVariablesMessage(missing: readonly string[]): string {
  const list = missing.map((name) => `{{${name}}}`).join(", ");
  return missing.length === 1 ? `Fill in a value for ${list}` : `Fill in values for ${list}`;
}

/** 'The template has text that is not a variable: {{ pay method }}, {{x. Variable names use letters, …'. */
export function malformedPlaceholdersMessage(problems: readonly TemplateProblem[]): string {
  const list = problems.map((problem) => problem.text).join(", ");
  return `The template has text in double braces that is not a variable: ${list}. Write variables as {{name}}; names use ${PLACEHOLDER_NAME_RULE}`;
}
