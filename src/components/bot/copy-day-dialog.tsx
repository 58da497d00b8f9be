"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/i18n/provider";
import { DAYS } from "./hours";

const WEEKDAYS = [0, 1, 2, 3, 4];

/** Picks the days that get a copy of one day's hours; weekdays are ticked to start with. */
export function CopyDayDialog({ from, names, onClose, onCopy }: { from: number; names: string[]; onClose: () => void; onCopy: (to: number[]) => void }) {
  const t = useT();
  const [chosen, setChosen] = useState<number[]>(() => WEEKDAYS.filter((d) => d !== from));
  const toggle = (day: number, on: boolean) => setChosen((prev) => (on ? [...prev, day] : prev.filter((d) => d !== day)));
  const others = DAYS.filter((d) => d !== from);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("common.close")} className="max-w-sm">
        <DialogHeader>
          <DialogTitle>{t("bot.hours.copyTitle", { day: names[from] ?? "" })}</DialogTitle>
          <DialogDescription>{t("bot.hours.copyBody")}</DialogDescription>
        </DialogHeader>
        <fieldset className="grid gap-2">
          <legend className="sr-only">{t("bot.hours.copyTo")}</legend>
          {others.map((day) => (
            <label key={day} className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-muted">
              <input type="checkbox" className="size-4 accent-primary" checked={chosen.includes(day)} onChange={(e) => toggle(day, e.target.checked)} />
              {names[day]}
            </label>
          ))}
        </fieldset>
        <div className="flex gap-2">
          <Button type="button" variant="link" size="sm" className="px-0" onClick={() => setChosen(others)}>
            {t("bot.hours.selectAll")}
          </Button>
          <Button type="button" variant="link" size="sm" className="px-0" onClick={() => setChosen([])}>
            {t("bot.hours.selectNone")}
          </Button>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="button" disabled={chosen.length === 0} onClick={() => onCopy(chosen)}>
            {t("bot.hours.copyApply")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
