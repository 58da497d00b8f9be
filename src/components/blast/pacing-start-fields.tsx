"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { browserTimeZone, timeZoneOptions } from "@/components/schedule/zoned-time";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import type { RouterInputs } from "@/trpc/react";

type Pacing = NonNullable<RouterInputs["job"]["create"]["pacing"]>;
type PacingPreset = "standard" | "careful" | "custom";
const noSubscribe = () => () => undefined;
/** The server's presets (PACING_PRESETS), for the review's estimate. */
const PRESET_RANGE_MS = { standard: [2000, 4000], careful: [30_000, 60_000] } as const;

/** Pacing (preset or custom range) and start (now, or a time in a zone) of a bulk job, as the forms send them. */
export function usePacingStart() {
  const browserZone = useSyncExternalStore(noSubscribe, browserTimeZone, () => "");
  const zones = useMemo(() => (browserZone ? timeZoneOptions(browserZone) : []), [browserZone]);
  const [preset, setPreset] = useState<PacingPreset>("standard");
  const [minSeconds, setMinSeconds] = useState("3");
  const [maxSeconds, setMaxSeconds] = useState("6");
  const [later, setLater] = useState(false);
  const [when, setWhen] = useState("");
  const [zone, setZone] = useState<string | null>(null);
  const timezone = zone ?? browserZone;
  const custom = { min: Number(minSeconds) || 0, max: Number(maxSeconds) || 0 };
  const pacing: Pacing = preset === "custom" ? { preset: "custom", minSeconds: custom.min, maxSeconds: custom.max } : { preset };
  const [minMs, maxMs] = preset === "custom" ? [custom.min * 1000, custom.max * 1000] : PRESET_RANGE_MS[preset];
  return {
    pacing,
    /** The average wait between two sends, for an estimate. */
    averageMs: (minMs + maxMs) / 2,
    later,
    when,
    timezone,
    fields: { zones, preset, setPreset, minSeconds, setMinSeconds, maxSeconds, setMaxSeconds, later, setLater, when, setWhen, timezone, setZone },
  };
}

export type PacingStart = ReturnType<typeof usePacingStart>;

/** The pacing and start rows of a bulk job form; ids are `<idPrefix>-pacing`, `-min`, `-max`, `-start`, `-when`, `-zone`. */
export function PacingStartFields({ value, idPrefix }: { value: PacingStart; idPrefix: string }) {
  const t = useT();
  const f = value.fields;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id={`${idPrefix}-pacing`} label={t("blast.pacing")}>
          <Select value={f.preset} onValueChange={(v) => f.setPreset(v as PacingPreset)}>
            <SelectTrigger id={`${idPrefix}-pacing`}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="standard">{t("blast.pacingStandard")}</SelectItem>
              <SelectItem value="careful">{t("blast.pacingCareful")}</SelectItem>
              <SelectItem value="custom">{t("blast.pacingCustom")}</SelectItem>
            </SelectContent>
          </Select>
        </FormField>
        {f.preset === "custom" ? (
          <>
            <FormField id={`${idPrefix}-min`} label={t("blast.minSeconds")}>
              <Input id={`${idPrefix}-min`} type="number" min={0} step="0.1" value={f.minSeconds} onChange={(e) => f.setMinSeconds(e.target.value)} />
            </FormField>
            <FormField id={`${idPrefix}-max`} label={t("blast.maxSeconds")}>
              <Input id={`${idPrefix}-max`} type="number" min={0} step="0.1" value={f.maxSeconds} onChange={(e) => f.setMaxSeconds(e.target.value)} />
            </FormField>
          </>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id={`${idPrefix}-start`} label={t("blast.start")}>
          <Select value={f.later ? "later" : "now"} onValueChange={(v) => f.setLater(v === "later")}>
            <SelectTrigger id={`${idPrefix}-start`}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="now">{t("blast.startNow")}</SelectItem>
              <SelectItem value="later">{t("blast.startLater")}</SelectItem>
            </SelectContent>
          </Select>
        </FormField>
        {f.later ? (
          <>
            <FormField id={`${idPrefix}-when`} label={t("blast.when")}>
              <Input id={`${idPrefix}-when`} type="datetime-local" value={f.when} onChange={(e) => f.setWhen(e.target.value)} />
            </FormField>
            <FormField id={`${idPrefix}-zone`} label={t("blast.timezone")}>
              <Select value={f.timezone} onValueChange={f.setZone}>
                <SelectTrigger id={`${idPrefix}-zone`}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {f.zones.map((z) => (
                    <SelectItem key={z} value={z}>
                      {z.replaceAll("_", " ")}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
          </>
        ) : null}
      </div>
    </>
  );
}
