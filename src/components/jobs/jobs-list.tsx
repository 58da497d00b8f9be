"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Megaphone } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { JobStatus } from "@/generated/prisma/enums";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { JobCards } from "./job-cards";
import { ALL, StatusFilter } from "./status-filter";

const STATUSES = Object.values(JobStatus);

/** The caller's jobs, newest first, live (job events refetch the list). */
export function JobsList() {
  const t = useT();
  const trpc = useTRPC();
  const [status, setStatus] = useState<string>(ALL);
  const filter = (STATUSES as string[]).includes(status) ? (status as JobStatus) : undefined;
  const list = useInfiniteQuery(
    trpc.job.list.infiniteQueryOptions({ status: filter, limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData }),
  );
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <StatusFilter
            id="jobs-status"
            label={t("jobs.filterStatus")}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) }))}
            onChange={setStatus}
            triggerClassName="w-44"
          />
        </div>
        <Button asChild>
          <Link href="/chat-blast">
            <Megaphone aria-hidden />
            {t("jobs.newBlast")}
          </Link>
        </Button>
      </div>
      <JobCards list={list} />
    </div>
  );
}
