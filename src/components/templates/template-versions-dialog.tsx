"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { PlaceholderChips } from "./template-preview";
import type { TemplateItem } from "./types";

/** Every saved version of a template, newest first. */
export function TemplateVersionsDialog({ template, open, onOpenChange }: { template: TemplateItem; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const versions = useQuery(trpc.template.versions.queryOptions({ templateId: template.id }, { enabled: open }));

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("common.close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("templates.historyTitle", { name: template.name })}</DialogTitle>
          <DialogDescription>{t("templates.historyDescription")}</DialogDescription>
        </DialogHeader>
        {versions.isPending ? (
          <div className="grid gap-3" aria-busy>
            {[0, 1].map((i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
        ) : versions.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(versions.error, t)} retryLabel={t("common.retry")} onRetry={() => void versions.refetch()} />
        ) : (
          <ol className="grid gap-3" data-testid="template-versions">
            {versions.data.items.map((v) => (
              <li key={v.id} className="rounded-lg border p-3" data-testid="template-version" data-version={v.version}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="flex items-center gap-2">
                    <span className="text-sm font-semibold">{t("templates.versionLabel", { version: v.version })}</span>
                    {v.isLatest ? <Badge tone="primary">{t("templates.current")}</Badge> : null}
                  </div>
                  <time className="text-xs text-muted-foreground" dateTime={new Date(v.createdAt).toISOString()}>
                    {format.dateTime(v.createdAt)}
                  </time>
                </div>
                <p className="mt-1 text-sm font-medium">{v.name}</p>
                <p className="mt-1 max-h-40 overflow-y-auto rounded-md bg-muted/50 px-2.5 py-2 font-mono text-xs break-words whitespace-pre-wrap">{v.body}</p>
                <PlaceholderChips names={v.placeholders} className="mt-2" />
              </li>
            ))}
          </ol>
        )}
      </DialogContent>
    </Dialog>
  );
}
