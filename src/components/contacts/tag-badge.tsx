"use client";

import { Check } from "lucide-react";
import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";

/** The colours offered for tags (stored as #rrggbb; any such value from the API is shown as is). */
export const TAG_COLORS = ["#22c55e", "#14b8a6", "#3b82f6", "#6366f1", "#a855f7", "#ec4899", "#ef4444", "#f59e0b", "#64748b"] as const;

/** A tag as a chip with its colour as a dot. */
export function TagBadge({ name, color, className, children, ...props }: { name: string; color: string | null } & Omit<ComponentProps<"span">, "color">) {
  return (
    <Badge className={cn("max-w-40 text-foreground", className)} data-testid="tag-badge" {...props}>
      <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color ?? "var(--color-muted-foreground)" }} />
      <span className="truncate">{name}</span>
      {children}
    </Badge>
  );
}

/** A row of colour swatches (radio semantics) plus "no colour". */
export function TagColorPicker({ value, onChange, idPrefix }: { value: string | null; onChange: (color: string | null) => void; idPrefix: string }) {
  const t = useT();
  const options: Array<string | null> = [null, ...TAG_COLORS];
  return (
    <div role="radiogroup" aria-label={t("contacts.tags.color")} className="flex flex-wrap items-center gap-1.5" id={`${idPrefix}-color`}>
      {options.map((color) => {
        const selected = (value ?? null)?.toLowerCase() === (color ?? null)?.toLowerCase();
        return (
          <button
            key={color ?? "none"}
            type="button"
            role="radio"
            aria-checked={selected}
            aria-label={color ?? t("contacts.tags.noColor")}
            title={color ?? t("contacts.tags.noColor")}
            onClick={() => onChange(color)}
            className={cn(
              "flex size-6 cursor-pointer items-center justify-center rounded-full border transition-shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              selected && "ring-2 ring-ring ring-offset-1 ring-offset-card",
              color === null && "bg-card",
            )}
            style={color ? { backgroundColor: color, borderColor: color } : undefined}
          >
            {selected ? <Check className={cn("size-3.5", color ? "text-white" : "text-muted-foreground")} aria-hidden /> : null}
            {color === null && !selected ? <span aria-hidden className="h-px w-3.5 rotate-45 bg-muted-foreground" /> : null}
          </button>
        );
      })}
    </div>
  );
}
