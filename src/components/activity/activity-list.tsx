"use client";

import { Activity } from "lucide-react";
import { useFormat, usePlural, useT } from "@/i18n/provider";
import type { RouterOutputs } from "@/trpc/react";
import { actionCategory, actionLabel, CATEGORY_ICON } from "./action-label";
import { describeActivityDetails } from "./describe-activity";

export type ActivityItem = RouterOutputs["activity"]["list"]["items"][number];

/** A timeline of entries: what happened and its particulars (in words), when, and where from. */
export function ActivityList({ items }: { items: ActivityItem[] }) {
  const t = useT();
  const plural = usePlural();
  const format = useFormat();
  return (
    <ol className="divide-y">
      {items.map((entry) => {
        const category = actionCategory(entry.action);
        const Icon = category ? CATEGORY_ICON[category] : Activity;
        const particulars = describeActivityDetails(entry.action, entry.details, { t, plural, dateTime: format.dateTime });
        return (
          <li key={entry.id} className="flex gap-3 px-5 py-3.5" data-testid="activity-row" data-action={entry.action}>
            <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary">
              <Icon className="size-4" aria-hidden />
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                <p className="font-medium">{actionLabel(entry.action, t)}</p>
                <time className="text-xs text-muted-foreground" dateTime={entry.createdAt.toISOString()} title={format.dateTime(entry.createdAt)}>
                  {format.dateTime(entry.createdAt)} · {format.relative(entry.createdAt)}
                </time>
              </div>
              {particulars ? (
                <p className="mt-0.5 text-sm break-words text-muted-foreground" data-testid="activity-details">
                  {particulars}
                </p>
              ) : null}
              {entry.ip ? (
                <p className="mt-1 text-xs text-muted-foreground">
                  {t("activity.ip")}: <span className="font-mono">{entry.ip}</span>
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
