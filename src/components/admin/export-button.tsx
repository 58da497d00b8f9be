"use client";

import { Download, X } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useFormat, useT } from "@/i18n/provider";
import { downloadExport, type ExportProgress } from "./export-download";

export type ExportKind = "users" | "devices" | "messages" | "audit-logs" | "contacts";

/** The current filters as export query parameters (undefined and empty values are left out). */
export function exportQuery(filters: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  return params.toString();
}

/** Downloads `kind` with the given filters as CSV or JSON, with a progress bar and a cancel button while it runs. */
export function ExportButton({ kind, query, label, className }: { kind: ExportKind; query?: string; label?: string; className?: string }) {
  const t = useT();
  const format = useFormat();
  const [fileFormat, setFileFormat] = useState<"csv" | "json">("csv");
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 0 });
    try {
      const rows = await downloadExport(`/api/admin/export/${kind}?format=${fileFormat}${query ? `&${query}` : ""}`, setProgress, controller.signal);
      toast.success(t("exports.finished", { rows: format.number(rows) }));
    } catch (error) {
      if (controller.signal.aborted) toast.info(t("exports.cancelled"));
      else toast.error(t("exports.failed", { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <div className={className} data-testid={`export-${kind}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Select value={fileFormat} onValueChange={(v) => setFileFormat(v as "csv" | "json")} disabled={progress !== null}>
          <SelectTrigger className="w-24" aria-label={t("exports.format")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="csv">{t("exports.csv")}</SelectItem>
            <SelectItem value="json">{t("exports.json")}</SelectItem>
          </SelectContent>
        </Select>
        <Button variant="outline" onClick={() => void start()} loading={progress !== null}>
          <Download aria-hidden />
          {label ?? t("exports.start")}
        </Button>
        {progress ? (
          <Button variant="ghost" size="icon" aria-label={t("exports.cancel")} onClick={() => abort.current?.abort()}>
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      {progress ? (
        <div className="mt-2 grid gap-1" role="status">
          <Progress value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0} aria-label={t("exports.progress", { done: progress.done, total: progress.total })} />
          <p className="text-xs text-muted-foreground">{t("exports.progress", { done: format.number(progress.done), total: format.number(progress.total) })}</p>
        </div>
      ) : null}
    </div>
  );
}
