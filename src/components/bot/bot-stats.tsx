"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartColumn } from "lucide-react";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { errorMessage } from "@/components/errors/error-message";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { intlLocale } from "@/i18n/config";
import { useFormat, useLocale, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

const RANGES = [7, 30, 90] as const;
const SERIES = [
  { key: "replies", color: "var(--color-primary)" },
  { key: "welcomes", color: "var(--color-info)" },
  { key: "outOfHours", color: "var(--color-warning)" },
  { key: "handoffs", color: "var(--color-destructive)" },
] as const;
const axis = { fontSize: 11, fill: "var(--color-muted-foreground)" };
const tooltipStyle = { background: "var(--color-popover)", border: "1px solid var(--color-border)", borderRadius: 8, fontSize: 12 };

/** What the bot did per day (replies, welcomes, out-of-hours messages, hand-offs) and which rules answered most. */
export function BotStats({ deviceId }: { deviceId: string }) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const stats = useQuery(trpc.bot.stats.queryOptions({ deviceId, days }));
  const dayFormat = new Intl.DateTimeFormat(intlLocale[locale], { day: "numeric", month: "short", timeZone: "UTC" });
  const dayLabel = (day: string) => dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));

  const totals = stats.data
    ? SERIES.map((s) => ({ key: s.key, total: stats.data.days.reduce((sum, d) => sum + d[s.key], 0) }))
    : null;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs value={String(days)} onValueChange={(v) => setDays(Number(v) as (typeof RANGES)[number])}>
          <TabsList aria-label={t("bot.stats.range")}>
            {RANGES.map((r) => (
              <TabsTrigger key={r} value={String(r)}>
                {t("bot.stats.lastDays", { days: r })}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
      </div>
      {stats.isPending ? (
        <Skeleton className="h-72 rounded-xl" />
      ) : stats.isError ? (
        <ErrorState title={t("common.loadError")} message={errorMessage(stats.error, t)} retryLabel={t("common.retry")} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {(totals ?? []).map((s) => (
              <Card key={s.key}>
                <CardContent className="p-5">
                  <p className="text-sm text-muted-foreground">{t(`bot.stats.${s.key}`)}</p>
                  <p className="text-2xl font-semibold tabular-nums" data-testid={`bot-stat-${s.key}`}>
                    {format.number(s.total)}
                  </p>
                </CardContent>
              </Card>
            ))}
          </div>
          <Card>
            <CardHeader>
              <CardTitle>{t("bot.stats.perDay")}</CardTitle>
            </CardHeader>
            <CardContent>
              {totals?.every((s) => s.total === 0) ? (
                <EmptyState icon={ChartColumn} title={t("bot.stats.empty")} description={t("bot.stats.emptyBody")} className="border-none" />
              ) : (
                <div className="h-64" data-testid="bot-stats-chart">
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={stats.data.days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                      <CartesianGrid vertical={false} stroke="var(--color-border)" />
                      <XAxis dataKey="date" tickFormatter={dayLabel} tick={axis} tickLine={false} axisLine={false} minTickGap={12} />
                      <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} tickFormatter={(v: number) => format.number(v)} />
                      <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => dayLabel(String(v))} cursor={{ fill: "var(--color-muted)" }} />
                      <Legend wrapperStyle={{ fontSize: 12 }} />
                      {SERIES.map((s, i) => (
                        <Bar key={s.key} dataKey={s.key} name={t(`bot.stats.${s.key}`)} stackId="bot" fill={s.color} radius={i === SERIES.length - 1 ? [3, 3, 0, 0] : [0, 0, 0, 0]} />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="border-b pb-4">
              <CardTitle>{t("bot.stats.byRule")}</CardTitle>
            </CardHeader>
            {stats.data.byRule.length === 0 ? (
              <p className="px-5 py-8 text-center text-sm text-muted-foreground">{t("bot.stats.byRuleEmpty")}</p>
            ) : (
              <Table data-testid="bot-stats-rules">
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>{t("bot.stats.rule")}</TableHead>
                    <TableHead className="text-right">{t("bot.stats.replies")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {stats.data.byRule.map((r) => (
                    <TableRow key={r.ruleId}>
                      <TableCell className="[overflow-wrap:anywhere]">{r.ruleName}</TableCell>
                      <TableCell className="text-right tabular-nums">{format.number(r.replies)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
