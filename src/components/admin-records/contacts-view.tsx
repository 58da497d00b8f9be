"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Contact, Search } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { ExportButton, exportQuery } from "@/components/admin/export-button";
import { FilterSelect } from "@/components/admin/filter-select";
import { ListStates } from "@/components/admin/list-states";
import { LoadMore } from "@/components/admin/load-more";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

export function AdminContactsView() {
  const t = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [ownerId, setOwnerId] = useState<string>();
  const [tag, setTag] = useState<string>();
  const deferred = useDeferredValue(search.trim());
  const choices = useQuery(trpc.admin.contactFilters.queryOptions());
  const filters = { search: deferred || undefined, ownerId: ownerId ? Number(ownerId) : undefined, tag };
  const contacts = useInfiniteQuery(
    trpc.admin.contacts.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (last) => last.nextCursor, placeholderData: (previous) => previous }),
  );
  const rows = contacts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-col gap-2 border-b pb-4 lg:flex-row lg:flex-wrap lg:items-center">
        <div className="relative min-w-0 flex-1 lg:min-w-56">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" className="pl-9" placeholder={t("adminContacts.search")} aria-label={t("adminContacts.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <FilterSelect label={t("adminContacts.colOwner")} allLabel={t("adminContacts.allOwners")} value={ownerId} onChange={setOwnerId} options={(choices.data?.owners ?? []).map((o) => ({ value: String(o.id), label: o.username }))} />
        <FilterSelect label={t("adminContacts.colTags")} allLabel={t("adminContacts.allTags")} value={tag} onChange={setTag} options={(choices.data?.tags ?? []).map((name) => ({ value: name, label: name }))} />
        <ExportButton kind="contacts" label={t("exports.downloadFiltered")} query={exportQuery(filters)} />
      </CardHeader>
      <ListStates query={contacts} empty={rows.length === 0} emptyTitle={t("adminContacts.empty")} icon={Contact}>
        <Table data-testid="admin-contacts-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("adminContacts.colName")}</TableHead>
              <TableHead>{t("adminContacts.colPhone")}</TableHead>
              <TableHead>{t("adminContacts.colOwner")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("adminContacts.colTags")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="max-w-48 truncate font-medium">{c.name}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{c.phone}</TableCell>
                <TableCell className="max-w-32 truncate">{c.owner.username}</TableCell>
                <TableCell className="hidden md:table-cell">
                  <div className="flex flex-wrap gap-1">
                    {c.tags.map((tagRef) => (
                      <Badge key={tagRef.id}>{tagRef.name}</Badge>
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <LoadMore hasMore={contacts.hasNextPage} loading={contacts.isFetchingNextPage} onLoad={() => void contacts.fetchNextPage()} />
      </ListStates>
    </Card>
  );
}
