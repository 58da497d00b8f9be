"use client";

import { Button } from "@/components/ui/button";
import { useT } from "@/i18n/provider";

export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const t = useT();
  if (!hasMore) return null;
  return (
    <div className="flex justify-center border-t p-3">
      <Button variant="outline" size="sm" loading={loading} onClick={onLoad}>
        {t("admin.loadMore")}
      </Button>
    </div>
  );
}
