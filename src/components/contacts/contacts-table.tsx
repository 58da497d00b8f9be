"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing, ChevronDown, Download, Ellipsis, Pencil, Search, Tags, Trash2, Users, X } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardFooter, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ContactDialog } from "./contact-dialog";
import { OptOutBadge } from "./opt-out-badge";
import { TagBadge } from "./tag-badge";
import type { ContactItem } from "./types";

const PAGE_SIZE = 25;

export interface ContactFilter {
  search: string;
  tagIds: number[];
  tagMatch: "any" | "all";
}

/** The export link for the list as currently filtered (the route streams a CSV download). */
export function exportHref(filter: { search: string; tagIds: number[]; tagMatch: "any" | "all" }): string {
  const params = new URLSearchParams();
  for (const id of filter.tagIds) params.append("tagId", String(id));
  if (filter.tagIds.length > 0) params.set("tagMatch", filter.tagMatch);
  if (filter.search.trim()) params.set("search", filter.search.trim());
  const query = params.toString();
  return `/api/export/contacts${query ? `?${query}` : ""}`;
}

/** Contacts with search, tag filter (any/all), load-more paging, edit and delete. */
export function ContactsTable({ filter, onFilterChange }: { filter: ContactFilter; onFilterChange: (filter: ContactFilter) => void }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deferredSearch = useDeferredValue(filter.search.trim());
  const tags = useQuery(trpc.contact.tags.list.queryOptions());
  const allTags = tags.data?.items ?? [];
  // A deleted tag drops out of the filter.
  const tagIds = tags.data ? filter.tagIds.filter((id) => allTags.some((tag) => tag.id === id)) : filter.tagIds;
  const contacts = useInfiniteQuery(
    trpc.contact.list.infiniteQueryOptions(
      { search: deferredSearch || undefined, tagIds: tagIds.length > 0 ? tagIds : undefined, tagMatch: filter.tagMatch, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const [editing, setEditing] = useState<{ key: number; contact: ContactItem } | null>(null);
  const [deleting, setDeleting] = useState<ContactItem | null>(null);
  const remove = useMutation(
    trpc.contact.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("contacts.deleted"));
        setDeleting(null);
        void queryClient.invalidateQueries({ queryKey: trpc.contact.pathKey() });
      },
    }),
  );

  const [optingIn, setOptingIn] = useState<ContactItem | null>(null);
  const removeOptOut = useMutation(
    trpc.optOut.remove.mutationOptions({
      onSuccess: () => {
        toast.success(t("contacts.optOutRemoved", { name: optingIn?.name ?? "" }));
        setOptingIn(null);
        void queryClient.invalidateQueries({ queryKey: trpc.contact.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.optOut.pathKey() });
      },
    }),
  );

  const setTags = (ids: number[]) => onFilterChange({ ...filter, tagIds: ids });
  const toggleTag = (id: number) => setTags(tagIds.includes(id) ? tagIds.filter((v) => v !== id) : [...tagIds, id]);
  const items = contacts.data?.pages.flatMap((p) => p.items) ?? [];
  const total = contacts.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(deferredSearch) || tagIds.length > 0;
  const selectedTags = allTags.filter((tag) => tagIds.includes(tag.id));

  return (
    <Card>
      <CardHeader className="grid gap-3 border-b pb-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-center">
          <div className="relative flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input
              type="search"
              className="pl-9"
              placeholder={t("contacts.search")}
              aria-label={t("contacts.search")}
              value={filter.search}
              onChange={(e) => onFilterChange({ ...filter, search: e.target.value })}
            />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger asChild>
                <Button variant="outline" data-testid="tag-filter">
                  <Tags aria-hidden />
                  {tagIds.length > 0 ? t("contacts.filter.tagsSelected", { count: tagIds.length }) : t("contacts.filter.tags")}
                  <ChevronDown className="opacity-60" aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end" className="max-h-80 overflow-y-auto">
                <DropdownMenuLabel>{t("contacts.filter.byTag")}</DropdownMenuLabel>
                {allTags.length === 0 ? (
                  <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("contacts.tags.noneYet")}</p>
                ) : (
                  allTags.map((tag) => (
                    <DropdownMenuCheckboxItem key={tag.id} checked={tagIds.includes(tag.id)} onCheckedChange={() => toggleTag(tag.id)} onSelect={(e) => e.preventDefault()}>
                      <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: tag.color ?? "var(--color-muted-foreground)" }} />
                      <span className="flex-1 truncate">{tag.name}</span>
                      <span className="text-xs text-muted-foreground tabular-nums">{tag.contactCount}</span>
                    </DropdownMenuCheckboxItem>
                  ))
                )}
                {tagIds.length > 0 ? (
                  <>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem onSelect={() => setTags([])}>
                      <X aria-hidden />
                      {t("contacts.filter.clear")}
                    </DropdownMenuItem>
                  </>
                ) : null}
              </DropdownMenuContent>
            </DropdownMenu>
            {/* "Any"/"all" only means something with two or more tags. */}
            {tagIds.length >= 2 ? (
              <Select value={filter.tagMatch} onValueChange={(v) => onFilterChange({ ...filter, tagMatch: v === "all" ? "all" : "any" })}>
                <SelectTrigger className="w-auto min-w-40" aria-label={t("contacts.filter.match")}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="any">{t("contacts.filter.any")}</SelectItem>
                  <SelectItem value="all">{t("contacts.filter.all")}</SelectItem>
                </SelectContent>
              </Select>
            ) : null}
            <Button asChild variant="outline">
              <a href={exportHref({ search: deferredSearch, tagIds, tagMatch: filter.tagMatch })} download data-testid="export-contacts">
                <Download aria-hidden />
                {t("contacts.export")}
              </a>
            </Button>
          </div>
        </div>
        {selectedTags.length > 0 || contacts.data ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {selectedTags.map((tag) => (
              <button
                key={tag.id}
                type="button"
                onClick={() => toggleTag(tag.id)}
                className="cursor-pointer rounded-full focus-visible:outline-2 focus-visible:outline-ring"
                aria-label={t("contacts.filter.remove", { name: tag.name })}
              >
                <TagBadge name={tag.name} color={tag.color} className="pr-1.5">
                  <X className="size-3 text-muted-foreground" aria-hidden />
                </TagBadge>
              </button>
            ))}
            {contacts.data ? (
              <span className="text-muted-foreground" data-testid="contacts-total">
                {filtered ? t("contacts.countFiltered", { count: format.number(total) }) : t("contacts.count", { count: format.number(total) })}
              </span>
            ) : null}
          </div>
        ) : null}
      </CardHeader>
      {contacts.isPending ? (
        <ContactsSkeleton />
      ) : contacts.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(contacts.error, t)} retryLabel={t("common.retry")} onRetry={() => void contacts.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="p-5">
          {filtered ? (
            <EmptyState icon={Search} title={t("contacts.noMatches")} description={t("contacts.noMatchesBody")} className="border-none" />
          ) : (
            <EmptyState icon={Users} title={t("contacts.empty")} description={t("contacts.emptyBody")} className="border-none" />
          )}
        </div>
      ) : (
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("contacts.name")}</TableHead>
              <TableHead>{t("contacts.phone")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("contacts.tagsLabel")}</TableHead>
              <TableHead className="hidden lg:table-cell">{t("contacts.updatedAt")}</TableHead>
              <TableHead className="w-0" />
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((contact) => (
              <TableRow key={contact.id} data-testid="contact-row" data-contact-id={contact.id}>
                <TableCell className="max-w-0 min-w-40">
                  <div className="truncate font-medium">{contact.name}</div>
                  {contact.notes ? <p className="truncate text-xs text-muted-foreground">{contact.notes}</p> : null}
                  {contact.tags.length > 0 ? (
                    <div className="mt-1 flex flex-wrap gap-1 md:hidden">
                      {contact.tags.map((tag) => (
                        <TagBadge key={tag.id} name={tag.name} color={tag.color} />
                      ))}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">
                  {contact.phone}
                  {contact.optOut ? <OptOutBadge optOut={contact.optOut} /> : null}
                </TableCell>
                <TableCell className="hidden max-w-72 md:table-cell">
                  {contact.tags.length > 0 ? (
                    <div className="flex flex-wrap gap-1">
                      {contact.tags.map((tag) => (
                        <TagBadge key={tag.id} name={tag.name} color={tag.color} />
                      ))}
                    </div>
                  ) : (
                    <span className="text-muted-foreground">{t("common.none")}</span>
                  )}
                </TableCell>
                <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground lg:table-cell">
                  <time dateTime={new Date(contact.updatedAt).toISOString()} title={format.dateTime(contact.updatedAt)}>
                    {format.relative(contact.updatedAt)}
                  </time>
                </TableCell>
                <TableCell className="text-right">
                  <DropdownMenu modal={false}>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon" aria-label={t("contacts.actions", { name: contact.name })}>
                        <Ellipsis aria-hidden />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      <DropdownMenuItem onSelect={() => setEditing({ key: Date.now(), contact })}>
                        <Pencil aria-hidden />
                        {t("contacts.edit")}
                      </DropdownMenuItem>
                      {contact.optOut ? (
                        <DropdownMenuItem onSelect={() => setOptingIn(contact)}>
                          <BellRing aria-hidden />
                          {t("contacts.removeOptOut")}
                        </DropdownMenuItem>
                      ) : null}
                      <DropdownMenuSeparator />
                      <DropdownMenuItem onSelect={() => setDeleting(contact)} className="text-destructive focus:text-destructive [&_svg]:text-destructive">
                        <Trash2 aria-hidden />
                        {t("common.delete")}
                      </DropdownMenuItem>
                    </DropdownMenuContent>
                  </DropdownMenu>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contacts.hasNextPage ? (
        <CardFooter className="justify-center">
          <Button variant="outline" size="sm" loading={contacts.isFetchingNextPage} onClick={() => void contacts.fetchNextPage()}>
            {t("contacts.loadMore", { shown: format.number(items.length), total: format.number(total) })}
          </Button>
        </CardFooter>
      ) : null}
      {editing ? <ContactDialog key={editing.key} contact={editing.contact} open onOpenChange={(open) => !open && setEditing(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeleting(null);
            remove.reset();
          }
        }}
        title={t("contacts.deleteTitle", { name: deleting?.name ?? "" })}
        description={t("contacts.deleteBody")}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => deleting && remove.mutate({ contactId: deleting.id })}
      />
      <ConfirmDialog
        open={optingIn !== null}
        onOpenChange={(open) => {
          if (!open) {
            setOptingIn(null);
            removeOptOut.reset();
          }
        }}
        title={t("contacts.removeOptOutTitle", { name: optingIn?.name ?? "" })}
        description={t("contacts.removeOptOutBody")}
        confirmLabel={t("contacts.removeOptOut")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={removeOptOut.isPending}
        error={removeOptOut.error ? errorMessage(removeOptOut.error, t) : null}
        onConfirm={() => optingIn?.optOut && removeOptOut.mutate({ id: optingIn.optOut.id })}
      />
    </Card>
  );
}

function ContactsSkeleton() {
  return (
    <div className="grid gap-4 p-4" aria-busy>
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="flex items-center gap-4">
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-4 w-36" />
            <Skeleton className="h-3 w-48" />
          </div>
          <Skeleton className="h-4 w-28" />
          <Skeleton className="hidden h-5 w-24 rounded-full md:block" />
          <Skeleton className="size-8" />
        </div>
      ))}
    </div>
  );
}
