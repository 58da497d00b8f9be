"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, FileText, Search } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { PlaceholderChips, renderLocally, TemplatePreview, TemplateVariableFields, type VariableValues } from "./template-preview";
import type { TemplateItem } from "./types";

/** "Use a template" on the send form: pick a template, fill its variables, and hand the rendered text back. */
export function TemplatePickerButton({ onInsert, className }: { onInsert: (text: string) => void; className?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className={className}
        onClick={() => {
          setKey((k) => k + 1);
          setOpen(true);
        }}
      >
        <FileText aria-hidden />
        {t("templates.picker.open")}
      </Button>
      {open ? (
        <TemplatePickerDialog
          key={key}
          onOpenChange={setOpen}
          onInsert={(text) => {
            onInsert(text);
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}

function TemplatePickerDialog({ onOpenChange, onInsert }: { onOpenChange: (open: boolean) => void; onInsert: (text: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const [chosen, setChosen] = useState<TemplateItem | null>(null);
  const [values, setValues] = useState<VariableValues>({});
  const [tried, setTried] = useState(false);
  const templates = useQuery(trpc.template.list.queryOptions({ search: deferredSearch || undefined, limit: 50 }, { placeholderData: (previous) => previous }));

  const insert = () => {
    if (!chosen) return;
    setTried(true);
    const rendered = renderLocally(chosen.body, values);
    if (rendered.ok) onInsert(rendered.text);
  };

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("common.close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{chosen ? chosen.name : t("templates.picker.title")}</DialogTitle>
          <DialogDescription>{chosen ? t("templates.picker.fillDescription") : t("templates.picker.description")}</DialogDescription>
        </DialogHeader>
        {chosen ? (
          <div className="grid gap-4">
            <TemplateVariableFields body={chosen.body} values={values} onChange={setValues} showMissing={tried} idPrefix="picker" />
            <TemplatePreview body={chosen.body} values={values} />
            <DialogFooter className="sm:justify-between">
              <Button type="button" variant="ghost" onClick={() => setChosen(null)}>
                <ArrowLeft aria-hidden />
                {t("templates.picker.back")}
              </Button>
              <Button type="button" onClick={insert}>
                {t("templates.picker.insert")}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <div className="grid gap-3">
            <div className="relative">
              <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
              <Input type="search" className="pl-9" placeholder={t("templates.search")} aria-label={t("templates.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
            {templates.isPending ? (
              <div className="grid gap-2" aria-busy>
                {[0, 1, 2].map((i) => (
                  <Skeleton key={i} className="h-14" />
                ))}
              </div>
            ) : templates.isError ? (
              <ErrorState title={t("common.loadError")} message={errorMessage(templates.error, t)} retryLabel={t("common.retry")} onRetry={() => void templates.refetch()} />
            ) : templates.data.items.length === 0 ? (
              <EmptyState
                icon={FileText}
                title={deferredSearch ? t("templates.noMatches") : t("templates.empty")}
                description={deferredSearch ? undefined : t("templates.picker.emptyBody")}
                className="py-8"
                action={
                  deferredSearch ? undefined : (
                    <Button asChild variant="outline" size="sm">
                      <Link href="/templates">{t("templates.picker.manage")}</Link>
                    </Button>
                  )
                }
              />
            ) : (
              <ul className="grid max-h-80 gap-2 overflow-y-auto" aria-label={t("templates.picker.title")}>
                {templates.data.items.map((template) => (
                  <li key={template.id}>
                    <button
                      type="button"
                      onClick={() => {
                        setChosen(template);
                        setValues({});
                        setTried(false);
                      }}
                      className="w-full cursor-pointer rounded-lg border p-3 text-left transition-colors hover:border-primary/40 hover:bg-accent"
                      data-testid="template-option"
                    >
                      <span className="block text-sm font-medium">{template.name}</span>
                      <span className="mt-0.5 line-clamp-2 block text-xs text-muted-foreground">{template.body}</span>
                      <PlaceholderChips names={template.placeholders} className="mt-2" />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
