"use client";

import { Copy, Moon, Plus, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { CopyDayDialog } from "./copy-day-dialog";
import { addInterval, changeInterval, copyDay, fullWeek, intervalProblem, isOvernight, removeInterval, setDayOpen } from "./hours";
import type { BusinessHours } from "./types";
import { useWeekdayNames } from "./use-weekday-names";

/**
 * The weekly opening hours as seven rows, Monday first: each day is open (one or more intervals) or closed, and can be
 * copied to other days. Problems (overlaps, zero-length intervals) show under the interval; the form will not save.
 */
export function BusinessHoursEditor({ value, onChange }: { value: BusinessHours; onChange: (next: BusinessHours) => void }) {
  const t = useT();
  const names = useWeekdayNames();
  const [copyFrom, setCopyFrom] = useState<number | null>(null);

  return (
    <div className="divide-y rounded-lg border" data-testid="business-hours">
      {fullWeek(value.weekly).map(({ day, intervals }) => {
        const name = names[day] ?? String(day);
        const open = intervals.length > 0;
        return (
          <div key={day} className="grid gap-3 p-3 sm:grid-cols-[9rem_1fr_auto] sm:items-start" data-testid="hours-day" data-day={day}>
            <div className="flex items-center justify-between gap-3 sm:h-9 sm:justify-start">
              <span className="font-medium">{name}</span>
              <span className="flex items-center gap-2 sm:hidden">
                <DayToggle id={`day-open-m-${day}`} name={name} open={open} onOpen={(next) => onChange(setDayOpen(value, day, next))} />
              </span>
            </div>
            <div className="grid min-w-0 gap-2">
              {open ? (
                intervals.map((interval, index) => {
                  const problem = intervalProblem(intervals, index);
                  const label = t("bot.hours.intervalLabel", { day: name, n: index + 1 });
                  return (
                    <div key={index} className="grid gap-1">
                      <div className="flex flex-wrap items-center gap-1.5 sm:gap-2" role="group" aria-label={label} data-testid="hours-interval">
                        <Input
                          type="time"
                          className="w-[6.5rem] px-2 sm:w-[7.5rem] sm:px-3"
                          value={interval.start}
                          aria-label={t("bot.hours.opensAt", { label })}
                          aria-invalid={problem ? true : undefined}
                          onChange={(e) => onChange(changeInterval(value, day, index, { ...interval, start: e.target.value }))}
                        />
                        <span aria-hidden className="text-muted-foreground">
                          –
                        </span>
                        <Input
                          type="time"
                          className="w-[6.5rem] px-2 sm:w-[7.5rem] sm:px-3"
                          value={interval.end}
                          aria-label={t("bot.hours.closesAt", { label })}
                          aria-invalid={problem ? true : undefined}
                          onChange={(e) => onChange(changeInterval(value, day, index, { ...interval, end: e.target.value }))}
                        />
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          className="size-8"
                          aria-label={t("bot.hours.removeInterval", { label })}
                          title={t("bot.hours.removeIntervalShort")}
                          onClick={() => onChange(removeInterval(value, day, index))}
                        >
                          <X aria-hidden />
                        </Button>
                        {isOvernight(interval) && !problem ? (
                          <span className="flex items-center gap-1 text-xs text-muted-foreground">
                            <Moon className="size-3" aria-hidden />
                            {t("bot.hours.overnight")}
                          </span>
                        ) : null}
                      </div>
                      {problem ? (
                        <p className="text-xs font-medium text-destructive" role="alert">
                          {t(`bot.hours.problem.${problem}`)}
                        </p>
                      ) : null}
                    </div>
                  );
                })
              ) : (
                <p className="text-sm text-muted-foreground sm:flex sm:h-9 sm:items-center" data-testid="day-closed">
                  {t("bot.hours.closedDay")}
                </p>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-1 sm:justify-end">
              <span className="mr-2 hidden items-center gap-2 sm:flex">
                <DayToggle id={`day-open-${day}`} name={name} open={open} onOpen={(next) => onChange(setDayOpen(value, day, next))} />
              </span>
              <Button type="button" variant="outline" size="sm" onClick={() => onChange(addInterval(value, day))} aria-label={t("bot.hours.addIntervalTo", { day: name })}>
                <Plus aria-hidden />
                {t("bot.hours.addInterval")}
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => setCopyFrom(day)} aria-label={t("bot.hours.copyFrom", { day: name })}>
                <Copy aria-hidden />
                {t("bot.hours.copy")}
              </Button>
            </div>
          </div>
        );
      })}
      {copyFrom !== null ? (
        <CopyDayDialog
          from={copyFrom}
          names={names}
          onClose={() => setCopyFrom(null)}
          onCopy={(to) => {
            onChange(copyDay(value, copyFrom, to));
            setCopyFrom(null);
          }}
        />
      ) : null}
    </div>
  );
}

function DayToggle({ id, name, open, onOpen }: { id: string; name: string; open: boolean; onOpen: (open: boolean) => void }) {
  const t = useT();
  return (
    <>
      <Switch id={id} checked={open} onCheckedChange={onOpen} aria-label={t("bot.hours.openOn", { day: name })} />
      <label htmlFor={id} className={cn("text-xs", open ? "text-foreground" : "text-muted-foreground")}>
        {open ? t("bot.hours.open") : t("bot.hours.closed")}
      </label>
    </>
  );
}
