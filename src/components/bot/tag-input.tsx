"use client";

import { X } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";

/**
 * Words as removable chips: Enter (or a comma, unless `commas` is off — regex patterns may contain them) adds what was
 * typed, Backspace in the empty box removes the last one, and leaving the box keeps what was typed.
 */
export function TagInput({
  id,
  value,
  onChange,
  placeholder,
  removeLabel,
  commas = true,
  invalid,
  describedBy,
  maxLength,
}: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  removeLabel: (tag: string) => string;
  commas?: boolean;
  invalid?: boolean;
  describedBy?: string;
  maxLength?: number;
}) {
  const [draft, setDraft] = useState("");
  const commit = (text: string) => {
    const parts = (commas ? text.split(",") : [text]).map((p) => p.trim()).filter(Boolean);
    const next = [...value];
    for (const part of parts) if (!next.includes(part)) next.push(part);
    if (next.length !== value.length) onChange(next);
    setDraft("");
  };
  return (
    <div className={cn(inputClass, "h-auto min-h-9 flex-wrap items-center gap-1.5 py-1.5 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-ring")} data-invalid={invalid || undefined}>
      {value.map((tag) => (
        <span key={tag} className="flex max-w-full items-center gap-1 rounded-md bg-secondary py-0.5 pr-0.5 pl-2 text-xs font-medium text-secondary-foreground" data-testid="tag">
          <span className="truncate font-mono">{tag}</span>
          <button
            type="button"
            className="flex size-5 shrink-0 cursor-pointer items-center justify-center rounded hover:bg-accent"
            aria-label={removeLabel(tag)}
            onClick={() => onChange(value.filter((v) => v !== tag))}
          >
            <X className="size-3" aria-hidden />
          </button>
        </span>
      ))}
      <input
        id={id}
        value={draft}
        maxLength={maxLength}
        placeholder={value.length === 0 ? placeholder : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="min-w-24 flex-1 bg-transparent py-0.5 outline-none placeholder:text-muted-foreground"
        onChange={(e) => {
          const text = e.target.value;
          if (commas && text.includes(",")) commit(text);
          else setDraft(text);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit(draft);
          } else if (e.key === "Backspace" && draft === "" && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => commit(draft)}
      />
    </div>
  );
}
