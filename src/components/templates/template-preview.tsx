"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { Fragment } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT, usePlural } from "@/i18n/provider";
import { placeholderPattern, renderTemplate, templatePlaceholders, templateProblems, type TemplateProblem } from "@/lib/render-template";

export type VariableValues = Record<string, string>;

/** Only the variables the body uses, so stale values typed for a removed placeholder are never sent. */
export function usedVariables(body: string, values: VariableValues): VariableValues {
  const out: VariableValues = {};
  for (const name of templatePlaceholders(body)) if (values[name] !== undefined) out[name] = values[name];
  return out;
}

/**
 * Renders a template locally as the user types. An empty field counts as missing here (a value the user
 * has not typed yet), although the server would accept an empty string.
 */
export function renderLocally(body: string, values: VariableValues) {
  const filled: VariableValues = {};
  for (const [name, value] of Object.entries(values)) if (value.length > 0) filled[name] = value;
  return renderTemplate(body, filled);
}

/** `{{name}}` chips for a list of placeholder names. */
export function PlaceholderChips({ names, className, empty }: { names: readonly string[]; className?: string; empty?: string }) {
  if (names.length === 0) return empty ? <span className={cn("text-xs text-muted-foreground", className)}>{empty}</span> : null;
  return (
    <span className={cn("flex flex-wrap gap-1", className)}>
      {names.map((name) => (
        <code key={name} className="rounded bg-muted px-1.5 py-0.5 font-mono text-[11px] text-muted-foreground">
          {`{{${name}}}`}
        </code>
      ))}
    </span>
  );
}

/** One input per placeholder of `body`; a missing one is flagged when `showMissing` is on. */
export function TemplateVariableFields({
  body,
  values,
  onChange,
  showMissing,
  idPrefix,
}: {
  body: string;
  values: VariableValues;
  onChange: (values: VariableValues) => void;
  showMissing: boolean;
  idPrefix: string;
}) {
  const t = useT();
  const names = templatePlaceholders(body);
  if (names.length === 0) return <p className="text-sm text-muted-foreground">{t("templates.noVariables")}</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="template-variables">
      {names.map((name) => {
        const id = `${idPrefix}-var-${name}`;
        const missing = showMissing && !values[name];
        return (
          <div key={name} className="grid gap-1.5">
            <Label htmlFor={id} className="font-mono text-xs">{`{{${name}}}`}</Label>
            <Input
              id={id}
              value={values[name] ?? ""}
              placeholder={t("templates.variablePlaceholder", { name })}
              onChange={(e) => onChange({ ...values, [name]: e.target.value })}
              aria-invalid={missing || undefined}
            />
          </div>
        );
      })}
    </div>
  );
}

/**
 * The message as it will be sent: filled placeholders show their value, missing ones stay highlighted, and a
 * banner names what is still missing.
 */
type PreviewPart = { text: string } | { name: string; value: string | undefined } | { malformed: string };

/** The body cut into text, placeholders (with their values) and malformed double-brace text, in order. */
function previewParts(body: string, values: VariableValues): PreviewPart[] {
  const marks: Array<{ index: number; length: number; part: PreviewPart }> = [];
  for (const match of body.matchAll(placeholderPattern())) {
    const name = match[1] as string;
    marks.push({ index: match.index ?? 0, length: match[0].length, part: { name, value: values[name] ? values[name] : undefined } });
  }
  for (const problem of templateProblems(body)) {
    marks.push({ index: problem.index, length: problem.text.length, part: { malformed: problem.text } });
  }
  marks.sort((a, b) => a.index - b.index);
  const parts: PreviewPart[] = [];
  let last = 0;
  for (const mark of marks) {
    if (mark.index < last) continue;
    if (mark.index > last) parts.push({ text: body.slice(last, mark.index) });
    parts.push(mark.part);
    last = mark.index + mark.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** Names the double-brace text that is not a variable and says how variables are written. */
export function MalformedPlaceholdersNotice({ problems, className }: { problems: readonly TemplateProblem[]; className?: string }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <p role="status" className={cn("flex items-start gap-1.5 text-xs font-medium text-destructive", className)} data-testid="template-malformed">
      <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>{t("templates.malformed", { list: problems.map((p) => p.text).join(", "), example: "{{name}}" })}</span>
    </p>
  );
}

export function TemplatePreview({ body, values, className }: { body: string; values: VariableValues; className?: string }) {
  const t = useT();
  const plural = usePlural();
  const result = renderLocally(body, values);
  const parts = previewParts(body, values);

  return (
    <div className={cn("grid gap-2", className)} data-testid="template-preview">
      <div className="rounded-xl border bg-primary/8 p-3">
        {body.trim().length === 0 ? (
          <p className="text-sm text-muted-foreground italic">{t("templates.previewEmpty")}</p>
        ) : (
          <p className="text-sm break-words whitespace-pre-wrap" data-testid="template-preview-text">
            {parts.map((part, i) =>
              "text" in part ? (
                <Fragment key={i}>{part.text}</Fragment>
              ) : "malformed" in part ? (
                <mark key={i} className="rounded-sm bg-destructive/15 px-0.5 text-destructive underline decoration-wavy" data-testid="template-preview-malformed">
                  {part.malformed}
                </mark>
              ) : part.value !== undefined ? (
                <span key={i} className="rounded-sm bg-primary/15 px-0.5">
                  {part.value}
                </span>
              ) : (
                <mark key={i} className="rounded-sm bg-warning/30 px-0.5 font-mono text-xs text-foreground">
                  {`{{${part.name}}}`}
                </mark>
              ),
            )}
          </p>
        )}
      </div>
      {body.trim().length === 0 ? null : result.ok ? (
        <p className="flex items-center gap-1.5 text-xs text-[oklch(0.42_0.12_150)]" data-testid="template-preview-ready">
          <CircleCheck className="size-3.5" aria-hidden />
          {plural("templates.previewReady", result.text.length)}
        </p>
      ) : (
        <>
          <MalformedPlaceholdersNotice problems={result.malformed} />
          {result.missing.length > 0 ? (
            <p role="status" className="flex items-start gap-1.5 text-xs font-medium text-[oklch(0.47_0.11_65)]" data-testid="template-missing">
              <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
              <span>{t("templates.missing", { names: result.missing.map((n) => `{{${n}}}`).join(", ") })}</span>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
