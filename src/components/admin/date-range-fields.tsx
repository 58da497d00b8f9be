"use client";

import { Input } from "@/components/ui/input";
import { useT } from "@/i18n/provider";

/** From/to day pickers (YYYY-MM-DD, both included); an empty field means no bound. */
export function DateRangeFields({ from, to, onChange }: { from?: string; to?: string; onChange: (range: { from?: string; to?: string }) => void }) {
  const t = useT();
  return (
    <div className="grid grid-cols-2 gap-2 sm:flex">
      <Input type="date" aria-label={t("admin.from")} title={t("admin.from")} value={from ?? ""} max={to} onChange={(e) => onChange({ from: e.target.value || undefined, to })} className="sm:w-40" />
      <Input type="date" aria-label={t("admin.to")} title={t("admin.to")} value={to ?? ""} min={from} onChange={(e) => onChange({ from, to: e.target.value || undefined })} className="sm:w-40" />
    </div>
  );
}
