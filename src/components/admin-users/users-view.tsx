"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Search, Users } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { ExportButton, exportQuery } from "@/components/admin/export-button";
import { FilterSelect } from "@/components/admin/filter-select";
import { ListStates } from "@/components/admin/list-states";
import { LoadMore } from "@/components/admin/load-more";
import { useViewer } from "@/components/shell/viewer-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { UserRowActions } from "./user-row-actions";

type LastLogin = "never" | "within7d" | "within30d" | "over30d";

export function UsersView() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const viewer = useViewer();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<string>();
  const [state, setState] = useState<string>();
  const [lastLogin, setLastLogin] = useState<string>();
  const deferred = useDeferredValue(search.trim());
  const filters = {
    search: deferred || undefined,
    role: role as "admin" | "user" | undefined,
    isActive: state === undefined ? undefined : state === "active",
    lastLogin: lastLogin as LastLogin | undefined,
  };
  const users = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (last) => last.nextCursor, placeholderData: (previous) => previous }),
  );
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-col gap-2 border-b pb-4 lg:flex-row lg:flex-wrap lg:items-center">
        <div className="relative min-w-0 flex-1 lg:min-w-56">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" className="pl-9" placeholder={t("adminUsers.search")} aria-label={t("adminUsers.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <FilterSelect label={t("adminUsers.colRole")} allLabel={t("adminUsers.allRoles")} value={role} onChange={setRole} options={[{ value: "admin", label: t("adminUsers.roleAdmin") }, { value: "user", label: t("adminUsers.roleUser") }]} />
        <FilterSelect label={t("adminUsers.colState")} allLabel={t("adminUsers.allStates")} value={state} onChange={setState} options={[{ value: "active", label: t("adminUsers.active") }, { value: "locked", label: t("adminUsers.locked") }]} />
        <FilterSelect
          label={t("adminUsers.colLastLogin")}
          allLabel={t("adminUsers.anyLogin")}
          value={lastLogin}
          onChange={setLastLogin}
          options={[
            { value: "within7d", label: t("adminUsers.loginWithin7d") },
            { value: "within30d", label: t("adminUsers.loginWithin30d") },
            { value: "over30d", label: t("adminUsers.loginOver30d") },
            { value: "never", label: t("adminUsers.loginNever") },
          ]}
        />
        <ExportButton kind="users" label={t("exports.downloadFiltered")} query={exportQuery(filters)} />
      </CardHeader>
      <ListStates query={users} empty={rows.length === 0} emptyTitle={t("adminUsers.empty")} icon={Users}>
        <Table data-testid="users-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("adminUsers.colUser")}</TableHead>
              <TableHead>{t("adminUsers.colRole")}</TableHead>
              <TableHead>{t("adminUsers.colState")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("adminUsers.colLastLogin")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("adminUsers.colLimits")}</TableHead>
              <TableHead className="w-10">
                <span className="sr-only">{t("admin.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((user) => (
              <TableRow key={user.id} data-testid={`user-row-${user.username}`}>
                <TableCell className="max-w-56">
                  <p className="truncate font-medium">
                    {user.fullName ?? user.username}
                    {user.id === viewer.id ? <span className="ml-1 text-xs text-muted-foreground">({t("adminUsers.you")})</span> : null}
                  </p>
                  <p className="truncate text-xs text-muted-foreground">
                    {user.username} · {user.email}
                  </p>
                </TableCell>
                <TableCell>
                  <Badge tone={user.role === "admin" ? "primary" : "neutral"}>{user.role === "admin" ? t("adminUsers.roleAdmin") : t("adminUsers.roleUser")}</Badge>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={user.isActive ? "success" : "danger"} dot>
                      {user.isActive ? t("adminUsers.active") : t("adminUsers.locked")}
                    </Badge>
                    {user.mustChangePassword ? <Badge tone="warning">{t("adminUsers.mustChange")}</Badge> : null}
                  </div>
                </TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">{user.lastLogin ? format.relative(user.lastLogin) : t("common.never")}</TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">
                  {t("adminUsers.limitsValue", { devices: `${user._count.devices}/${user.maxDevices}`, messages: format.number(user.dailyMessageLimit) })}
                </TableCell>
                <TableCell>
                  <UserRowActions user={user} isSelf={user.id === viewer.id} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()} />
      </ListStates>
    </Card>
  );
}
