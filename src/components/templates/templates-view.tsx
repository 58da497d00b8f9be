"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Ellipsis, FileText, History, Pencil, Search, Send, Trash2 } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardFooter, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { NewTemplateButton, TemplateEditorDialog } from "./template-editor-dialog";
import { PlaceholderChips } from "./template-preview";
import { TemplateVersionsDialog } from "./template-versions-dialog";
import type { TemplateItem } from "./types";
import { UseTemplateDialog } from "./use-template-dialog";

const PAGE_SIZE = 20;

type Open = { kind: "use" | "edit" | "history" | "delete"; template: TemplateItem } | null;

/** The caller's templates (latest versions), searchable, with every action a template has. */
export function TemplatesView() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const [open, setOpen] = useState<Open>(null);
  // Each opening gets a fresh dialog (its own form state).
  const [openCount, setOpenCount] = useState(0);
  const templates = useInfiniteQuery(
    trpc.template.list.infiniteQueryOptions(
      { search: deferredSearch || undefined, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const remove = useMutation(
    trpc.template.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("templates.deleted"));
        setOpen(null);
        void queryClient.invalidateQueries({ queryKey: trpc.template.pathKey() });
      },
    }),
  );

  const show = (kind: NonNullable<Open>["kind"], template: TemplateItem) => {
    setOpenCount((n) => n + 1);
    setOpen({ kind, template });
  };
  const close = (next: boolean) => {
    if (!next) setOpen(null);
  };

  const items = templates.data?.pages.flatMap((p) => p.items) ?? [];
  const total = templates.data?.pages[0]?.total ?? 0;

  return (
    <Card>
      <CardHeader className="flex flex-col gap-3 border-b pb-4 sm:flex-row sm:items-center">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" className="pl-9" placeholder={t("templates.search")} aria-label={t("templates.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {templates.data ? (
          <p className="text-sm text-muted-foreground" data-testid="templates-total">
            {t("templates.count", { count: format.number(total) })}
          </p>
        ) : null}
      </CardHeader>
      {templates.isPending ? (
        <TemplatesSkeleton />
      ) : templates.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(templates.error, t)} retryLabel={t("common.retry")} onRetry={() => void templates.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="p-5">
          {deferredSearch ? (
            <EmptyState icon={Search} title={t("templates.noMatches")} description={t("templates.noMatchesBody")} className="border-none" />
          ) : (
            <EmptyState icon={FileText} title={t("templates.empty")} description={t("templates.emptyBody")} className="border-none" action={<NewTemplateButton />} />
          )}
        </div>
      ) : (
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("templates.name")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("templates.variables")}</TableHead>
              <TableHead className="hidden sm:table-cell">{t("templates.version")}</TableHead>
              <TableHead className="hidden lg:table-cell">{t("templates.updatedAt")}</TableHead>
              <TableHead className="w-0" />
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((template) => (
              <TableRow key={template.id} data-testid="template-row" data-template-id={template.id}>
                <TableCell className="max-w-0 min-w-48">
                  <div className="truncate font-medium">{template.name}</div>
                  <p className="mt-0.5 line-clamp-2 text-xs break-words whitespace-pre-wrap text-muted-foreground">{template.body}</p>
                </TableCell>
                <TableCell className="hidden max-w-64 md:table-cell">
                  <PlaceholderChips names={template.placeholders} empty={t("common.none")} />
                </TableCell>
                <TableCell className="hidden sm:table-cell">
                  <Badge data-testid="template-version-badge">{t("templates.versionShort", { version: template.version })}</Badge>
                </TableCell>
                <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground lg:table-cell">
                  <time dateTime={new Date(template.createdAt).toISOString()} title={format.dateTime(template.createdAt)}>
                    {format.relative(template.createdAt)}
                  </time>
                </TableCell>
                <TableCell>
                  <div className="flex items-center justify-end gap-1">
                    <Button variant="outline" size="sm" onClick={() => show("use", template)}>
                      <Send aria-hidden />
                      {t("templates.use")}
                    </Button>
                    <DropdownMenu modal={false}>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={t("templates.actions", { name: template.name })}>
                          <Ellipsis aria-hidden />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => show("edit", template)}>
                          <Pencil aria-hidden />
                          {t("templates.edit")}
                        </DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => show("history", template)}>
                          <History aria-hidden />
                          {t("templates.history")}
                        </DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem onSelect={() => show("delete", template)} className="text-destructive focus:text-destructive [&_svg]:text-destructive">
                          <Trash2 aria-hidden />
                          {t("common.delete")}
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {templates.hasNextPage ? (
        <CardFooter className="justify-center">
          <Button variant="outline" size="sm" loading={templates.isFetchingNextPage} onClick={() => void templates.fetchNextPage()}>
            {t("templates.loadMore")}
          </Button>
        </CardFooter>
      ) : null}

      {open?.kind === "use" ? <UseTemplateDialog key={openCount} template={open.template} open onOpenChange={close} /> : null}
      {open?.kind === "edit" ? <TemplateEditorDialog key={openCount} template={open.template} open onOpenChange={close} /> : null}
      {open?.kind === "history" ? <TemplateVersionsDialog key={openCount} template={open.template} open onOpenChange={close} /> : null}
      <ConfirmDialog
        open={open?.kind === "delete"}
        onOpenChange={(next) => {
          if (!next) {
            setOpen(null);
            remove.reset();
          }
        }}
        title={t("templates.deleteTitle", { name: open?.template.name ?? "" })}
        description={t("templates.deleteBody")}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => open && remove.mutate({ templateId: open.template.id })}
      />
    </Card>
  );
}

function TemplatesSkeleton() {
  return (
    <div className="grid gap-4 p-4" aria-busy>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex items-center gap-4">
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-3/4" />
          </div>
          <Skeleton className="hidden h-5 w-24 md:block" />
          <Skeleton className="h-5 w-10 rounded-full" />
          <Skeleton className="h-8 w-16" />
        </div>
      ))}
    </div>
  );
}
