"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The owner's opt-out keywords and list: who asked to get no blasts, when and through which device; removable. */
export function OptOutsCard() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.optOut.list.queryOptions({ limit: 200 }));
  const keywords = useQuery(trpc.optOut.keywords.queryOptions());
  const [draft, setDraft] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.optOut.pathKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error, t));
  const save = useMutation(trpc.optOut.setKeywords.mutationOptions({ onSuccess: () => (toast.success(t("optOuts.keywordsSaved")), setDraft(null), refresh()), onError }));
  const remove = useMutation(trpc.optOut.remove.mutationOptions({ onSuccess: () => (toast.success(t("optOuts.removed")), refresh()), onError }));
  const value = draft ?? (keywords.data ?? []).join(", ");
  return (
    <Card data-testid="opt-outs">
      <CardHeader>
        <CardTitle>{t("optOuts.title")}</CardTitle>
        <CardDescription>{t("optOuts.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ keywords: value.split(",").map((k) => k.trim()).filter(Boolean) });
          }}
        >
          <FormField id="opt-out-keywords" label={t("optOuts.keywords")} hint={t("optOuts.keywordsHint")} className="flex-1">
            <Input id="opt-out-keywords" value={value} onChange={(e) => setDraft(e.target.value)} />
          </FormField>
          <Button type="submit" variant="outline" loading={save.isPending} className="sm:mb-6">
            {t("optOuts.saveKeywords")}
          </Button>
        </form>
        {list.isPending ? (
          <Skeleton className="h-16" />
        ) : list.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(list.error, t)} retryLabel={t("common.retry")} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("optOuts.empty")}</p>
        ) : (
          <ul className="divide-y rounded-md border text-sm">
            {list.data.items.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="opt-out">
                <div className="grid gap-0.5">
                  <span className="font-mono text-xs">{o.phone}</span>
                  <span className="text-xs text-muted-foreground">
                    {[o.keyword, o.device?.deviceName, format.dateTime(o.createdAt)].filter(Boolean).join(" · ")}
                  </span>
                </div>
                <Button size="sm" variant="ghost" aria-label={`${t("optOuts.remove")} ${o.phone}`} loading={remove.isPending && remove.variables?.id === o.id} onClick={() => remove.mutate({ id: o.id })}>
                  <Trash2 aria-hidden />
                  {t("optOuts.remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
