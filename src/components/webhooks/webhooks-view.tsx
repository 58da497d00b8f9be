"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Ellipsis, Eye, KeyRound, Pencil, Plus, Send, Trash2, Webhook } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { cn } from "@/components/ui/cn";
import { useTRPC } from "@/trpc/react";
import { DeliveryLog } from "./delivery-log";
import { SecretDialog } from "./secret-dialog";
import { STATUS_TONE, type WebhookItem } from "./types";
import { WebhookDialog } from "./webhook-dialog";

type Open = { kind: "edit" | "delete" | "rotate"; webhook: WebhookItem } | { kind: "create" } | null;

/** The caller's webhook endpoints, their actions, and the delivery log of the selected one. */
export function WebhooksView() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const webhooks = useQuery(trpc.webhook.list.queryOptions({}));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [openCount, setOpenCount] = useState(0);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
  const onError = (error: Parameters<typeof errorMessage>[0]) => toast.error(errorMessage(error, t));

  const remove = useMutation(
    trpc.webhook.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("webhooks.deleted"));
        setOpen(null);
        refresh();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhook.rotateSecret.mutationOptions({
      onSuccess: (result) => {
        setOpen(null);
        setSecret(result.secret);
      },
    }),
  );
  const reveal = useMutation(trpc.webhook.revealSecret.mutationOptions({ onSuccess: (result) => setSecret(result.secret), onError }));
  const sendTest = useMutation(
    trpc.webhook.sendTest.mutationOptions({
      onSuccess: (delivery) => {
        toast.success(t("webhooks.testQueued"));
        setSelectedId(delivery.endpointId);
        refresh();
      },
      onError,
    }),
  );

  const show = (next: Open) => {
    setOpenCount((n) => n + 1);
    setOpen(next);
  };
  const items = webhooks.data?.items ?? [];
  const selected = items.find((w) => w.id === selectedId) ?? items[0];
  const newButton = (
    <Button onClick={() => show({ kind: "create" })}>
      <Plus aria-hidden />
      {t("webhooks.new")}
    </Button>
  );

  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <div className="flex justify-end">{newButton}</div>
      {webhooks.isPending ? (
        <div className="grid gap-2">
          {Array.from({ length: 2 }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ) : webhooks.isError ? (
        <ErrorState title={t("common.loadError")} message={errorMessage(webhooks.error, t)} retryLabel={t("common.retry")} onRetry={() => void webhooks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={Webhook} title={t("webhooks.empty")} description={t("webhooks.emptyBody")} action={newButton} />
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-label={t("webhooks.endpoints")} className="grid min-w-0 grid-cols-1 content-start gap-2">
            {items.map((webhook) => (
              <Card
                key={webhook.id}
                data-testid="webhook-row"
                className={cn("cursor-pointer transition-colors", webhook.id === selected?.id && "border-primary ring-1 ring-primary/30")}
                onClick={() => setSelectedId(webhook.id)}
              >
                <CardContent className="flex items-start gap-3 p-4">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-mono text-sm font-medium" title={webhook.url}>
                      {webhook.url}
                    </p>
                    {webhook.description ? <p className="truncate text-xs text-muted-foreground">{webhook.description}</p> : null}
                    <div className="mt-2 flex flex-wrap gap-1">
                      <Badge tone={webhook.enabled ? "success" : "neutral"}>{webhook.enabled ? t("webhooks.enabled") : t("webhooks.disabled")}</Badge>
                      {webhook.lastDelivery ? (
                        <Badge tone={STATUS_TONE[webhook.lastDelivery.status]}>
                          {t("webhooks.lastDelivery")}: {t(`webhooks.statuses.${webhook.lastDelivery.status}`)}
                        </Badge>
                      ) : null}
                      <Badge>{webhook.events.length === 1 ? webhook.events[0] : `${webhook.events.length} ${t("webhooks.events").toLowerCase()}`}</Badge>
                    </div>
                  </div>
                  <div className="flex shrink-0 items-center gap-1" onClick={(e) => e.stopPropagation()}>
                    <Button size="sm" variant="outline" loading={sendTest.isPending && sendTest.variables?.webhookId === webhook.id} onClick={() => sendTest.mutate({ webhookId: webhook.id })}>
                      <Send aria-hidden />
                      <span className="hidden sm:inline">{t("webhooks.sendTest")}</span>
                    </Button>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button size="icon" variant="ghost" aria-label={t("webhooks.actions")}>
                          <Ellipsis aria-hidden />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => show({ kind: "edit", webhook })}>
                          <Pencil aria-hidden />
                          {t("webhooks.edit")}
                        </DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => reveal.mutate({ webhookId: webhook.id })}>
                          <Eye aria-hidden />
                          {t("webhooks.revealSecret")}
                        </DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => show({ kind: "rotate", webhook })}>
                          <KeyRound aria-hidden />
                          {t("webhooks.rotateSecret")}
                        </DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem className="text-destructive" onSelect={() => show({ kind: "delete", webhook })}>
                          <Trash2 aria-hidden />
                          {t("common.delete")}
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </div>
                </CardContent>
              </Card>
            ))}
          </section>
          <section aria-label={t("webhooks.deliveries")} className="min-w-0">{selected ? <DeliveryLog key={selected.id} webhookId={selected.id} /> : <p className="text-sm text-muted-foreground">{t("webhooks.select")}</p>}</section>
        </div>
      )}

      <WebhookDialog
        key={`form-${openCount}`}
        webhook={open?.kind === "edit" ? open.webhook : undefined}
        open={open?.kind === "create" || open?.kind === "edit"}
        onOpenChange={(next) => !next && setOpen(null)}
        onCreated={(created, id) => {
          setSelectedId(id);
          setSecret(created);
        }}
      />
      <ConfirmDialog
        open={open?.kind === "delete"}
        onOpenChange={(next) => !next && setOpen(null)}
        title={t("webhooks.deleteTitle")}
        description={t("webhooks.deleteBody", { url: open?.kind === "delete" ? open.webhook.url : "" })}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => open?.kind === "delete" && remove.mutate({ webhookId: open.webhook.id })}
      />
      <ConfirmDialog
        open={open?.kind === "rotate"}
        onOpenChange={(next) => !next && setOpen(null)}
        title={t("webhooks.rotateTitle")}
        description={t("webhooks.rotateBody")}
        confirmLabel={t("webhooks.rotateSecret")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error, t) : null}
        onConfirm={() => open?.kind === "rotate" && rotate.mutate({ webhookId: open.webhook.id })}
      />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </div>
  );
}
