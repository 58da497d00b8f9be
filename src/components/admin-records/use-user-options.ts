"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Users as filter choices (the first 200 by id). */
export function useUserOptions(): Array<{ value: string; label: string }> {
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.list.queryOptions({ limit: 200 }));
  return (users.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.username }));
}
