"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, X } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { MessageDirection } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

export interface HistoryFilters {
  deviceId?: string;
  from?: string;
  to?: string;
  contact?: string;
  text?: string;
  messageDirection?: MessageDirection;
}

const ALL = "all";

/** The search form of /chat-history; filters apply on submit, so typing does not fire a query per key. */
export function HistoryFiltersForm({ initial, onApply }: { initial: HistoryFilters; onApply: (filters: HistoryFilters) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const [draft, setDraft] = useState<HistoryFilters>(initial);
  const set = (patch: Partial<HistoryFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({
      deviceId: draft.deviceId || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
      contact: draft.contact?.trim() || undefined,
      text: draft.text?.trim() || undefined,
      messageDirection: draft.messageDirection,
    });
  };
  const reset = () => {
    setDraft({});
    onApply({});
  };
  return (
    <form onSubmit={submit} className="grid gap-3 p-5 sm:grid-cols-2 lg:grid-cols-6" role="search" noValidate>
      <FormField id="history-device" label={t("chatHistory.device")} className="lg:col-span-2">
        <Select value={draft.deviceId ?? ALL} onValueChange={(value) => set({ deviceId: value === ALL ? undefined : value })}>
          <SelectTrigger id="history-device">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("chatHistory.allDevices")}</SelectItem>
            {(devices.data?.items ?? []).map((d) => (
              <SelectItem key={d.deviceId} value={d.deviceId}>
                {d.deviceName}
                {d.phoneNumber ? ` · ${d.phoneNumber}` : ""}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </FormField>
      <FormField id="history-from" label={t("chatHistory.from")}>
        <Input id="history-from" type="date" value={draft.from ?? ""} max={draft.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </FormField>
      <FormField id="history-to" label={t("chatHistory.to")}>
        <Input id="history-to" type="date" value={draft.to ?? ""} min={draft.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </FormField>
      <FormField id="history-direction" label={t("chatHistory.direction")} className="lg:col-span-2">
        <Select value={draft.messageDirection ?? ALL} onValueChange={(value) => set({ messageDirection: value === "incoming" || value === "outgoing" ? value : undefined })}>
          <SelectTrigger id="history-direction">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("chatHistory.anyDirection")}</SelectItem>
            <SelectItem value="incoming">{t("direction.incoming")}</SelectItem>
            <SelectItem value="outgoing">{t("direction.outgoing")}</SelectItem>
          </SelectContent>
        </Select>
      </FormField>
      <FormField id="history-contact" label={t("chatHistory.contact")} className="lg:col-span-2">
        <Input id="history-contact" placeholder={t("chatHistory.contactPlaceholder")} value={draft.contact ?? ""} maxLength={100} onChange={(e) => set({ contact: e.target.value })} />
      </FormField>
      <FormField id="history-text" label={t("chatHistory.text")} className="lg:col-span-2">
        <Input id="history-text" type="search" placeholder={t("chatHistory.textPlaceholder")} value={draft.text ?? ""} maxLength={200} onChange={(e) => set({ text: e.target.value })} />
      </FormField>
      <div className="flex items-end gap-2 lg:col-span-2">
        <Button type="submit" className="flex-1">
          <Search aria-hidden />
          {t("chatHistory.search")}
        </Button>
        <Button type="button" variant="outline" onClick={reset}>
          <X aria-hidden />
          {t("chatHistory.reset")}
        </Button>
      </div>
    </form>
  );
}
