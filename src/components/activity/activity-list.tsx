"use client";

import { Activity } from "lucide-react";
import { useFormat, useT } from "@/i18n/provider";
import type { RouterOutputs } from "@/trpc/react";
import { actionCategory, actionLabel, CATEGORY_ICON } from "./action-label";

export type ActivityItem = RouterOutputs["activity"]["list"]["items"][number];

/** A timeline of entries: what happened (in words), when, the recorded details and where from. */
export function ActivityList({ items }: { items: ActivityItem[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ol className="divide-y">
      {items.map((entry) => {
        const category = actionCategory(entry.action);
        const Icon = category ? CATEGORY_ICON[category] : Activity;
        const details = Object.entries(entry.details);
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
              {details.length > 0 ? (
                <dl className="mt-1 flex flex-wrap gap-1.5 text-xs" aria-label={t("activity.details")}>
                  {details.map(([key, value]) => (
                    <div key={key} className="flex max-w-full gap-1 rounded-md bg-muted px-2 py-0.5">
                      <dt className="text-muted-foreground">{key}</dt>
                      <dd className="truncate font-mono">{value}</dd>
                    </div>
                  ))}
                </dl>
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
