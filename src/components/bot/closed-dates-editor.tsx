"use client";

import { CalendarOff, Plus, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { intlLocale } from "@/i18n/config";
import { useLocale, useT } from "@/i18n/provider";
import { addClosedDate, removeClosedDate } from "./hours";
import type { BusinessHours } from "./types";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole days the business is closed (public holidays), kept sorted. */
export function ClosedDatesEditor({ value, onChange }: { value: BusinessHours; onChange: (next: BusinessHours) => void }) {
  const t = useT();
  const locale = useLocale();
  const [date, setDate] = useState("");
  const format = new Intl.DateTimeFormat(intlLocale[locale], { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const add = () => {
    if (!DATE.test(date)) return;
    onChange(addClosedDate(value, date));
    setDate("");
  };
  return (
    <div className="grid gap-3" data-testid="closed-dates">
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <label htmlFor="closed-date" className="text-sm font-medium">
            {t("bot.hours.closedDate")}
          </label>
          <Input
            id="closed-date"
            type="date"
            className="w-44"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <Button type="button" variant="outline" onClick={add} disabled={!DATE.test(date)}>
          <Plus aria-hidden />
          {t("bot.hours.addClosedDate")}
        </Button>
      </div>
      {value.closedDates.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <CalendarOff className="size-4" aria-hidden />
          {t("bot.hours.noClosedDates")}
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {value.closedDates.map((d) => (
            <li key={d} className="flex items-center gap-1 rounded-full border bg-muted/50 py-0.5 pr-1 pl-3 text-sm" data-testid="closed-date" data-date={d}>
              <time dateTime={d}>{format.format(new Date(`${d}T00:00:00Z`))}</time>
              <button
                type="button"
                className="flex size-6 cursor-pointer items-center justify-center rounded-full text-muted-foreground hover:bg-accent hover:text-foreground"
                aria-label={t("bot.hours.removeClosedDate", { date: d })}
                onClick={() => onChange(removeClosedDate(value, d))}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
