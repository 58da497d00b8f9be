"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";

export const ALL = "all";

/** A state filter with "All" first; the label is visible, or only for screen readers when `srOnlyLabel`. */
export function StatusFilter(props: {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
  triggerClassName?: string;
  srOnlyLabel?: boolean;
}) {
  const t = useT();
  return (
    <>
      <Label htmlFor={props.id} className={props.srOnlyLabel ? "sr-only" : undefined}>
        {props.label}
      </Label>
      <Select value={props.value} onValueChange={props.onChange}>
        <SelectTrigger id={props.id} className={props.triggerClassName}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{t("jobs.all")}</SelectItem>
          {props.options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </>
  );
}
