"use client";

import { useRef } from "react";
import { fieldDescribedBy, FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";

/** The placeholders the bot fills in a reply (`{{name}}` …), as the server names them. */
export const REPLY_VARIABLES = ["name", "pushName", "device", "time"] as const;

/**
 * A reply text with the variables it may use as buttons under it: a click inserts the placeholder where the cursor is.
 * The placeholders are written outside the catalogs, whose own `{…}` are parameters.
 */
export function ReplyTextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  maxLength,
  rows = 3,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (next: string) => void;
  error?: string | null;
  hint?: string;
  maxLength?: number;
  rows?: number;
}) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (name: string) => {
    const token = `{{${name}}}`;
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      <Textarea
        ref={ref}
        id={id}
        rows={rows}
        className="min-h-20"
        value={value}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={[fieldDescribedBy(id, error, hint), `${id}-vars`].filter(Boolean).join(" ")}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={`${id}-vars`} className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
        <span>{t("bot.variables.label")}</span>
        {REPLY_VARIABLES.map((name) => (
          <button
            key={name}
            type="button"
            className="cursor-pointer rounded border bg-muted/60 px-1.5 py-0.5 font-mono text-[11px] text-foreground hover:bg-accent"
            title={t(`bot.variables.${name}`)}
            aria-label={t("bot.variables.insert", { variable: `{{${name}}}`, meaning: t(`bot.variables.${name}`) })}
            onClick={() => insert(name)}
          >
            {`{{${name}}}`}
          </button>
        ))}
      </div>
    </FormField>
  );
}
