"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { CreateApiKeyButton } from "./create-api-key-dialog";

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

function keyState(key: KeyRow, now: number): "active" | "expired" | "revoked" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return "expired";
  return "active";
}

/** The caller's API keys with scopes, dates and state; active keys can be revoked after a confirmation. */
export function ApiKeysView() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const [revoking, setRevoking] = useState<KeyRow | null>(null);
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(t("developers.revoked_toast"));
        setRevoking(null);
        void queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
      },
    }),
  );
  // Expiry is judged as of the data's fetch: the list refreshes on focus and after every change.
  const now = keys.dataUpdatedAt;
  const when = (value: Date | null) =>
    value ? (
      <time dateTime={new Date(value).toISOString()} title={format.dateTime(value)}>
        {format.relative(value)}
      </time>
    ) : (
      t("common.never")
    );

  if (keys.isPending) {
    return (
      <Card className="grid gap-3 p-5" aria-busy="true" aria-label={t("common.loading")}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </Card>
    );
  }
  if (keys.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(keys.error, t)} retryLabel={t("common.retry")} onRetry={() => void keys.refetch()} />;
  }
  if (keys.data.length === 0) {
    return <EmptyState icon={KeyRound} title={t("developers.empty")} description={t("developers.emptyBody")} action={<CreateApiKeyButton />} />;
  }
  return (
    <Card>
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t("developers.name")}</TableHead>
            <TableHead className="hidden md:table-cell">{t("developers.scopes")}</TableHead>
            <TableHead className="hidden lg:table-cell">{t("developers.created")}</TableHead>
            <TableHead className="hidden sm:table-cell">{t("developers.lastUsed")}</TableHead>
            <TableHead className="hidden lg:table-cell">{t("developers.expires")}</TableHead>
            <TableHead>{t("developers.status")}</TableHead>
            <TableHead className="w-0" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.data.map((key) => {
            const state = keyState(key, now);
            return (
              <TableRow key={key.id} data-testid="api-key-row" data-state={state}>
                <TableCell className="max-w-0 min-w-36">
                  <div className="truncate font-medium">{key.name}</div>
                  <code className="text-xs text-muted-foreground">{key.prefix}…</code>
                </TableCell>
                <TableCell className="hidden md:table-cell">
                  <div className="flex flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <Badge key={scope}>{t(`developers.scopeNames.${scope as "read"}`)}</Badge>
                    ))}
                  </div>
                </TableCell>
                <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground lg:table-cell">{when(key.createdAt)}</TableCell>
                <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground sm:table-cell" data-testid="api-key-last-used">
                  {when(key.lastUsedAt)}
                </TableCell>
                <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground lg:table-cell">
                  {key.expiresAt ? format.dateTime(key.expiresAt) : t("common.never")}
                </TableCell>
                <TableCell>
                  <Badge tone={state === "active" ? "success" : state === "revoked" ? "danger" : "warning"} data-testid="api-key-state">
                    {t(`developers.${state}`)}
                  </Badge>
                </TableCell>
                <TableCell>
                  {state === "active" ? (
                    <Button variant="outline" size="sm" aria-label={t("developers.actions", { name: key.name })} onClick={() => setRevoking(key)}>
                      {t("developers.revoke")}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(next) => {
          if (!next) {
            setRevoking(null);
            revoke.reset();
          }
        }}
        title={t("developers.revokeTitle", { name: revoking?.name ?? "" })}
        description={t("developers.revokeBody")}
        confirmLabel={t("developers.revoke")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error, t) : null}
        onConfirm={() => revoking && revoke.mutate({ apiKeyId: revoking.id })}
      />
    </Card>
  );
}
