"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { JobStatus } from "@/generated/prisma/enums";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { JobCards } from "./job-cards";
import { ALL, StatusFilter } from "./status-filter";

const STATUSES = Object.values(JobStatus);

/** `yyyy-mm-dd` from a date input → the start of that day in the browser's zone. */
function dayStart(value: string, plusDays = 0): Date | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split("-").map(Number);
  return y && m && d ? new Date(y, m - 1, d + plusDays) : undefined;
}

/** Every job (admins): filters by user, device, state and date; every control, including retry. */
export function AdminJobsList() {
  const t = useT();
  const trpc = useTRPC();
  const [status, setStatus] = useState<string>(ALL);
  const [ownerId, setOwnerId] = useState<string>(ALL);
  const [deviceId, setDeviceId] = useState<string>(ALL);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const users = useQuery(trpc.admin.users.list.queryOptions({ limit: 100 }));
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const filter = {
    status: (STATUSES as string[]).includes(status) ? (status as JobStatus) : undefined,
    ownerId: ownerId === ALL ? undefined : Number(ownerId),
    deviceId: deviceId === ALL ? undefined : deviceId,
    from: dayStart(from),
    to: dayStart(to, 1),
    limit: 20,
  };
  const list = useInfiniteQuery(
    trpc.admin.jobs.infiniteQueryOptions(filter, { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData }),
  );
  return (
    <div className="grid gap-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 [&_[role=combobox]]:min-w-0">
        <div className="grid gap-1.5">
          <Label htmlFor="admin-jobs-user">{t("jobs.filterUser")}</Label>
          <Select value={ownerId} onValueChange={setOwnerId}>
            <SelectTrigger id="admin-jobs-user">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("jobs.all")}</SelectItem>
              {(users.data?.items ?? []).map((u) => (
                <SelectItem key={u.id} value={String(u.id)}>
                  {u.username}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="admin-jobs-device">{t("jobs.filterDevice")}</Label>
          <Select value={deviceId} onValueChange={setDeviceId}>
            <SelectTrigger id="admin-jobs-device">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("jobs.all")}</SelectItem>
              {(devices.data?.items ?? []).map((d) => (
                <SelectItem key={d.deviceId} value={d.deviceId}>
                  {d.deviceName}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <StatusFilter
            id="admin-jobs-status"
            label={t("jobs.filterStatus")}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) }))}
            onChange={setStatus}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="admin-jobs-from">{t("jobs.from")}</Label>
          <Input id="admin-jobs-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="admin-jobs-to">{t("jobs.to")}</Label>
          <Input id="admin-jobs-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <JobCards list={list} admin />
    </div>
  );
}
