"use client";

import { AlertTriangle, Clock } from "lucide-react";
import { formatDuration } from "@/components/jobs/job-types";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat, useT } from "@/i18n/provider";
import type { RouterOutputs } from "@/trpc/react";

export type Review = RouterOutputs["job"]["review"];

function RowList({ title, count, rows, testId }: { title: string; count: number; rows: string[]; testId: string }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <details className="rounded-md border px-3 py-2 text-sm" data-testid={testId}>
      <summary className="cursor-pointer font-medium">
        {title} <span className="tabular-nums text-muted-foreground">({count})</span>
      </summary>
      <ul className="mt-2 grid gap-1 text-xs text-muted-foreground">
        {rows.map((row, i) => (
          <li key={i}>{row}</li>
        ))}
        {count > rows.length ? <li>{t("blast.more", { count: count - rows.length })}</li> : null}
      </ul>
    </details>
  );
}

/** What the blast will do: counts, the rows left out and why, the duration at the pacing, and the daily limit it uses. */
export function BlastReview({ review }: { review: Review }) {
  const t = useT();
  const format = useFormat();
  const { counts, dailyLimit } = review;
  const stats: Array<[string, number, string]> = [
    [t("blast.ready"), counts.ready, "review-ready"],
    [t("blast.invalid"), counts.invalid, "review-invalid"],
    [t("blast.duplicates"), counts.duplicates, "review-duplicates"],
    [t("blast.optedOut"), counts.optedOut, "review-opted-out"],
    [t("blast.missingValues"), counts.missingValues, "review-missing"],
  ];
  return (
    <Card data-testid="blast-review">
      <CardHeader className="pb-2">
        <CardTitle>{t("blast.reviewTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {stats.map(([label, value, id]) => (
            <div key={id} className="rounded-md border p-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid={id}>
                {format.number(value)}
              </dd>
            </div>
          ))}
        </dl>
        <div className="grid gap-1 text-sm sm:grid-cols-2">
          <p>
            <span className="text-muted-foreground">{t("blast.estimate")}: </span>
            <span data-testid="review-estimate">{formatDuration(review.estimatedSeconds)}</span>
          </p>
          <p>
            <span className="text-muted-foreground">{t("blast.dailyLimit")}: </span>
            {t("blast.dailyLimitUse", { used: dailyLimit.usedToday, job: dailyLimit.thisJob, limit: dailyLimit.limit })}
          </p>
        </div>
        {review.capWait ? (
          <p className="flex items-start gap-2 rounded-md border border-info/40 bg-info/10 px-3 py-2 text-sm" role="note" data-testid="review-cap-wait">
            <Clock className="mt-0.5 size-4 shrink-0" aria-hidden />
            {t(review.capWait.reason === "daily_cap" ? "blast.capDaily" : "blast.capHourly", {
              cap: review.capWait.cap,
              waits: format.dateTime(review.capWait.waitsAt),
              resumes: format.dateTime(review.capWait.resumesAt),
            })}
          </p>
        ) : null}
        {dailyLimit.remainingAfter < 0 ? (
          <p className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm" role="note">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            {t("blast.overLimit")}
          </p>
        ) : null}
        {counts.ready > review.maxRecipients ? <p className="text-sm text-destructive">{t("blast.maxRecipients", { max: review.maxRecipients })}</p> : null}
        <div className="grid gap-2">
          <RowList title={t("blast.invalid")} count={counts.invalid} rows={review.invalid.map((r) => `${t("blast.row", { row: r.row })}: ${r.error}`)} testId="review-invalid-list" />
          <RowList title={t("blast.duplicates")} count={counts.duplicates} rows={review.duplicates.map((r) => `${t("blast.row", { row: r.row })}: ${r.phone}`)} testId="review-duplicates-list" />
          <RowList title={t("blast.optedOut")} count={counts.optedOut} rows={review.optedOut.map((r) => `${t("blast.row", { row: r.row })}: ${r.phone}`)} testId="review-opted-out-list" />
          <RowList
            title={t("blast.missingValues")}
            count={counts.missingValues}
            rows={review.missingValues.map((r) => `${t("blast.row", { row: r.row })}: ${r.phone} — ${t("blast.missing", { names: r.missing.map((m) => `{{${m}}}`).join(", ") })}`)}
            testId="review-missing-list"
          />
          <RowList title={t("blast.preview")} count={counts.ready} rows={review.ready.slice(0, 5).map((r) => `${r.phone}: ${r.text.slice(0, 120)}`)} testId="review-preview" />
        </div>
      </CardContent>
    </Card>
  );
}
