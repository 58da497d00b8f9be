"use client";

import { Badge } from "@/components/ui/badge";
import { useFormat, useT } from "@/i18n/provider";
import type { ContactItem } from "./types";

/** "Opted out", with when and on which device the contact asked to get no more blasts. */
export function OptOutBadge({ optOut }: { optOut: NonNullable<ContactItem["optOut"]> }) {
  const t = useT();
  const format = useFormat();
  const when = format.relative(optOut.createdAt);
  return (
    <span className="mt-1 flex flex-wrap items-center gap-1.5 font-sans" data-testid="contact-opt-out">
      <Badge tone="danger">{t("contacts.optedOut")}</Badge>
      <time className="text-xs text-muted-foreground" dateTime={new Date(optOut.createdAt).toISOString()} title={format.dateTime(optOut.createdAt)}>
        {optOut.device ? t("contacts.optedOutVia", { when, device: optOut.device.deviceName }) : t("contacts.optedOutByHand", { when })}
      </time>
    </span>
  );
}
