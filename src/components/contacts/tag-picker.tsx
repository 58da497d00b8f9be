"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Plus } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { TAG_COLORS } from "./tag-badge";

const TAGS_PER_CONTACT_MAX = 20;
const TAG_NAME_MAX = 64;

/** Toggle the caller's tags on and off, or create a new one on the spot (it is selected at once). */
export function TagPicker({ value, onChange, labelledBy }: { value: number[]; onChange: (ids: number[]) => void; labelledBy: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.contact.tags.list.queryOptions());
  const [name, setName] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation(
    trpc.contact.tags.create.mutationOptions({
      onSuccess: (tag) => {
        setName("");
        onChange([...value, tag.id]);
        void queryClient.invalidateQueries({ queryKey: trpc.contact.tags.pathKey() });
      },
    }),
  );
  const items = tags.data?.items ?? [];

  const toggle = (id: number) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (trimmed.length > TAG_NAME_MAX) return setLocalError(t("validation.maxChars", { max: TAG_NAME_MAX }));
    if (trimmed.includes(";")) return setLocalError(t("contacts.tags.noSemicolon"));
    const existing = items.find((tag) => tag.name.toLowerCase() === trimmed.toLowerCase());
    setLocalError(null);
    if (existing) {
      if (!value.includes(existing.id)) onChange([...value, existing.id]);
      setName("");
      return;
    }
    create.mutate({ name: trimmed, color: TAG_COLORS[items.length % TAG_COLORS.length] });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  };
  const full = value.length >= TAGS_PER_CONTACT_MAX;
  const error = localError ?? (create.error ? errorMessage(create.error, t) : null);

  return (
    <div className="grid gap-2" role="group" aria-labelledby={labelledBy}>
      {tags.isPending ? (
        <div className="flex gap-1.5">
          <Skeleton className="h-7 w-16 rounded-full" />
          <Skeleton className="h-7 w-20 rounded-full" />
        </div>
      ) : items.length === 0 ? (
        <p className="text-xs text-muted-foreground">{t("contacts.tags.noneYet")}</p>
      ) : (
        <div className="flex flex-wrap gap-1.5">
          {items.map((tag) => {
            const on = value.includes(tag.id);
            return (
              <button
                key={tag.id}
                type="button"
                aria-pressed={on}
                disabled={!on && full}
                onClick={() => toggle(tag.id)}
                className={cn(
                  "inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50",
                  on ? "border-primary/40 bg-primary/10 text-foreground" : "bg-card text-muted-foreground hover:bg-accent",
                )}
              >
                {on ? <Check className="size-3" aria-hidden /> : <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: tag.color ?? "var(--color-muted-foreground)" }} />}
                {tag.name}
              </button>
            );
          })}
        </div>
      )}
      <div className="flex gap-2">
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("contacts.tags.newPlaceholder")}
          aria-label={t("contacts.tags.newLabel")}
          aria-invalid={Boolean(error)}
          className="h-8"
          disabled={full}
        />
        <Button type="button" variant="outline" size="sm" onClick={add} loading={create.isPending} disabled={!name.trim() || full}>
          {create.isPending ? null : <Plus aria-hidden />}
          {t("contacts.tags.add")}
        </Button>
      </div>
      {error ? <p className="text-xs font-medium text-destructive">{error}</p> : null}
    </div>
  );
}
