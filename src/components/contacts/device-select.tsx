"use client";

import type { DeviceItem } from "@/components/devices/types";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";

/** A device chooser showing name, number and connection state. */
export function DeviceSelect({
  id,
  devices,
  value,
  onChange,
  className,
  ...aria
}: {
  id: string;
  devices: DeviceItem[];
  value: string;
  onChange: (deviceId: string) => void;
  className?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
}) {
  const t = useT();
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger id={id} className={className} {...aria}>
        <SelectValue placeholder={t("contacts.devicePlaceholder")} />
      </SelectTrigger>
      <SelectContent>
        {devices.map((d) => (
          <SelectItem key={d.deviceId} value={d.deviceId}>
            {d.deviceName}
            {d.phoneNumber ? ` · ${d.phoneNumber}` : ""} · {t(`deviceStatus.${d.status}`)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
