"use client";

import { cn } from "@/components/ui/cn";
import { useFormat, useT } from "@/i18n/provider";
import type { JobRow } from "./job-types";

type Counts = Pick<JobRow, "total" | "completed" | "delivered" | "read" | "failed" | "skipped" | "cancelled" | "pending">;

const SEGMENTS = [
  { key: "read", colour: "bg-success" },
  { key: "delivered", colour: "bg-success/60" },
  { key: "sent", colour: "bg-primary" },
  { key: "failed", colour: "bg-destructive" },
  { key: "skipped", colour: "bg-warning" },
  { key: "cancelled", colour: "bg-muted-foreground/40" },
] as const;

function segments(c: Counts): Record<(typeof SEGMENTS)[number]["key"] | "pending", number> {
  // Read counts as delivered, delivered as sent: each segment shows only its own step.
  return {
    read: c.read,
    delivered: Math.max(0, c.delivered - c.read),
    sent: Math.max(0, c.completed - c.delivered),
    failed: c.failed,
    skipped: c.skipped,
    cancelled: c.cancelled,
    pending: c.pending,
  };
}

/** One bar per job: read / delivered / sent / failed / skipped / cancelled, the rest pending; a legend with counts. */
export function JobProgressBar({ job, compact = false }: { job: Counts; compact?: boolean }) {
  const t = useT();
  const format = useFormat();
  const parts = segments(job);
  const done = job.total - job.pending;
  const percent = job.total === 0 ? 0 : Math.round((done / job.total) * 100);
  return (
    <div className="grid gap-1.5">
      <div
        role="progressbar"
        aria-label={t("jobs.recipients", { count: job.total })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="job-progress"
        data-done={done}
        className="flex h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        {SEGMENTS.map(({ key, colour }) =>
          parts[key] > 0 ? <div key={key} className={cn("h-full transition-[width] duration-300", colour)} style={{ width: `${(parts[key] / job.total) * 100}%` }} /> : null,
        )}
      </div>
      <div className={cn("flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-muted-foreground", compact && "gap-x-2")}>
        {[...SEGMENTS, { key: "pending" as const, colour: "bg-muted" }].map(({ key, colour }) =>
          parts[key] > 0 || key === "pending" || key === "sent" ? (
            <span key={key} className="inline-flex items-center gap-1" data-testid={`job-count-${key}`}>
              <span className={cn("size-2 rounded-full border", colour)} aria-hidden />
              {t(`jobs.legend.${key}`)} <span className="tabular-nums text-foreground">{format.number(parts[key])}</span>
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
}
