"use client";

import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";

/** Loading, error and empty states of an admin list, then the list itself. */
export function ListStates({
  query,
  empty,
  emptyTitle,
  icon,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown; data?: unknown };
  empty: boolean;
  emptyTitle: string;
  icon: LucideIcon;
  children: ReactNode;
}) {
  const t = useT();
  if (query.isPending) {
    return (
      <div className="grid gap-2 p-4" aria-busy="true" aria-label={t("common.loading")}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="p-5">
        <ErrorState title={t("common.loadError")} message={errorMessage(query.error, t)} retryLabel={t("common.retry")} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (empty) {
    return (
      <div className="p-5">
        <EmptyState icon={icon} title={emptyTitle} className="border-none" />
      </div>
    );
  }
  return <>{children}</>;
}
