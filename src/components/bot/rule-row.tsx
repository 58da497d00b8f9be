"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, GripVertical, Paperclip, Pencil, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import type { RouterOutputs } from "@/trpc/react";

export type BotRule = RouterOutputs["bot"]["rules"]["list"][number];

/** One rule in the priority list: drag handle, what it matches, when it applies, and its actions. */
export function RuleRow({
  rule,
  position,
  first,
  last,
  onMove,
  onToggle,
  onEdit,
  onDelete,
}: {
  rule: BotRule;
  position: number;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: rule.id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("relative flex items-start gap-2 bg-card px-3 py-3 sm:gap-3 sm:px-4", isDragging && "z-10 shadow-lg ring-1 ring-primary/40", !rule.enabled && "bg-muted/30")}
      data-testid="rule-row"
      data-rule-id={rule.id}
      data-rule-name={rule.name}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="mt-1 flex size-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-muted-foreground hover:bg-accent active:cursor-grabbing"
        aria-label={t("bot.rules.dragHandle", { name: rule.name })}
        data-testid="rule-drag"
        {...attributes}
        {...listeners}
      >
        <GripVertical className="size-4" aria-hidden />
      </button>
      <span className="mt-2 w-5 shrink-0 text-right text-xs font-medium tabular-nums text-muted-foreground" aria-hidden>
        {position}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className={cn("font-medium [overflow-wrap:anywhere]", !rule.enabled && "text-muted-foreground")} data-testid="rule-name">
            {rule.name}
          </span>
          <Badge tone="info">{t(`bot.matchType.${rule.matchType}`)}</Badge>
          {rule.appliesWhen !== "always" ? <Badge tone="warning">{t(`bot.appliesWhen.${rule.appliesWhen}`)}</Badge> : null}
          {rule.mediaId !== null ? (
            <Badge>
              <Paperclip aria-hidden />
              {t("bot.rules.hasMedia")}
            </Badge>
          ) : null}
          {!rule.enabled ? <Badge>{t("bot.rules.off")}</Badge> : null}
        </div>
        <p className="mt-1 truncate font-mono text-xs text-muted-foreground">{rule.patterns.join(" · ")}</p>
        <p className="mt-0.5 line-clamp-2 text-sm text-muted-foreground">{rule.response}</p>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center">
        <Switch checked={rule.enabled} onCheckedChange={onToggle} aria-label={t("bot.rules.enabledFor", { name: rule.name })} className="mb-1 sm:mr-2 sm:mb-0" />
        <div className="flex items-center">
          <Button variant="ghost" size="icon" className="size-8" disabled={first} onClick={() => onMove(-1)} aria-label={t("bot.rules.moveUp", { name: rule.name })}>
            <ArrowUp aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" className="size-8" disabled={last} onClick={() => onMove(1)} aria-label={t("bot.rules.moveDown", { name: rule.name })}>
            <ArrowDown aria-hidden />
          </Button>
        </div>
        <div className="flex items-center">
          <Button variant="ghost" size="icon" className="size-8" onClick={onEdit} aria-label={t("bot.rules.edit", { name: rule.name })}>
            <Pencil aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" className="size-8 text-destructive hover:text-destructive" onClick={onDelete} aria-label={t("bot.rules.delete", { name: rule.name })}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
    </li>
  );
}
