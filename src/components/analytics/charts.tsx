"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat, useLocale } from "@/i18n/provider";
import { intlLocale } from "@/i18n/config";

const COLORS = { incoming: "var(--color-info)", outgoing: "var(--color-primary)", response: "var(--color-primary)", delivered: "var(--color-success)", read: "var(--color-warning)" };

const axis = { fontSize: 11, fill: "var(--color-muted-foreground)" };
const tooltipStyle = { background: "var(--color-popover)", border: "1px solid var(--color-border)", borderRadius: 8, fontSize: 12 };

function useDayLabel(): (day: string) => string {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(intlLocale[locale], { day: "numeric", month: "short", timeZone: "UTC" });
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}

/** Incoming and outgoing messages per day, stacked. */
export function TrafficChart({ data, labels, height = 240 }: { data: Array<{ date: string; incoming: number; outgoing: number }>; labels: { incoming: string; outgoing: string }; height?: number }) {
  const dayLabel = useDayLabel();
  const format = useFormat();
  return (
    <div style={{ height }} data-testid="traffic-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="date" tickFormatter={dayLabel} tick={axis} tickLine={false} axisLine={false} minTickGap={12} />
          <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} tickFormatter={(v: number) => format.number(v)} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => dayLabel(String(v))} cursor={{ fill: "var(--color-muted)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="incoming" name={labels.incoming} stackId="t" fill={COLORS.incoming} radius={[0, 0, 0, 0]} />
          <Bar dataKey="outgoing" name={labels.outgoing} stackId="t" fill={COLORS.outgoing} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Response, delivered and read rates per day, in percent. */
export function RatesChart({
  data,
  labels,
}: {
  data: Array<{ date: string; responseRate: number; deliveredRate: number; readRate: number }>;
  labels: { response: string; delivered: string; read: string };
}) {
  const dayLabel = useDayLabel();
  const points = data.map((d) => ({ date: d.date, response: Math.round(d.responseRate * 100), delivered: Math.round(d.deliveredRate * 100), read: Math.round(d.readRate * 100) }));
  return (
    <div className="h-60" data-testid="rates-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="date" tickFormatter={dayLabel} tick={axis} tickLine={false} axisLine={false} minTickGap={12} />
          <YAxis domain={[0, 100]} tick={axis} tickLine={false} axisLine={false} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => dayLabel(String(v))} formatter={(v) => `${String(v)}%`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="response" name={labels.response} stroke={COLORS.response} strokeWidth={2} dot={false} />
          <Line type="monotone" dataKey="delivered" name={labels.delivered} stroke={COLORS.delivered} strokeWidth={2} dot={false} />
          <Line type="monotone" dataKey="read" name={labels.read} stroke={COLORS.read} strokeWidth={2} dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Incoming/outgoing per named item (device or user), largest first, as horizontal bars. */
export function RankingChart({ data, labels, testId }: { data: Array<{ name: string; incoming: number; outgoing: number }>; labels: { incoming: string; outgoing: string }; testId: string }) {
  const rows = data.slice(0, 10);
  return (
    <div style={{ height: Math.max(120, rows.length * 36 + 40) }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--color-border)" />
          <XAxis type="number" allowDecimals={false} tick={axis} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="name" width={100} tick={axis} tickLine={false} axisLine={false} />
          <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--color-muted)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="incoming" name={labels.incoming} stackId="r" fill={COLORS.incoming} />
          <Bar dataKey="outgoing" name={labels.outgoing} stackId="r" fill={COLORS.outgoing} radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
