"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Filter, Pencil, Plus, Tags, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT, usePlural } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { TAG_COLORS, TagBadge, TagColorPicker } from "./tag-badge";
import type { TagItem } from "./types";

const TAG_NAME_MAX = 64;

function tagNameError(name: string, t: ReturnType<typeof useT>): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return t("validation.required");
  if (trimmed.length > TAG_NAME_MAX) return t("validation.maxChars", { max: TAG_NAME_MAX });
  if (trimmed.includes(";")) return t("contacts.tags.noSemicolon");
  return undefined;
}

/** Create, rename, recolour and delete tags; each shows how many contacts carry it. */
export function TagsManager({ onShowContacts }: { onShowContacts: (tagId: number) => void }) {
  const t = useT();
  const plural = usePlural();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.contact.tags.list.queryOptions());
  const [name, setName] = useState("");
  const [color, setColor] = useState<string | null>(TAG_COLORS[0]);
  const [nameError, setNameError] = useState<string | undefined>();
  const [editing, setEditing] = useState<TagItem | null>(null);
  const [deleting, setDeleting] = useState<TagItem | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.contact.pathKey() });

  const create = useMutation(
    trpc.contact.tags.create.mutationOptions({
      onSuccess: (tag) => {
        toast.success(t("contacts.tags.created", { name: tag.name }));
        setName("");
        setColor(TAG_COLORS[((tags.data?.items.length ?? 0) + 1) % TAG_COLORS.length] ?? null);
        refresh();
      },
      onError: (error) => setNameError(serverFieldErrors(error).name),
    }),
  );
  const remove = useMutation(
    trpc.contact.tags.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("contacts.tags.deleted"));
        setDeleting(null);
        refresh();
      },
    }),
  );

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = tagNameError(name, t);
    setNameError(error);
    if (error) return;
    create.mutate({ name: name.trim(), color });
  };

  const createBanner = create.error && !serverFieldErrors(create.error).name ? errorMessage(create.error, t) : null;
  const items = tags.data?.items ?? [];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start">
      <Card>
        <CardHeader>
          <CardTitle>{t("contacts.tags.createTitle")}</CardTitle>
          <CardDescription>{t("contacts.tags.createDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={onCreate} noValidate className="grid gap-4">
            <FormError message={createBanner} />
            <FormField id="tag-name" label={t("contacts.tags.name")} error={nameError}>
              <Input
                id="tag-name"
                value={name}
                placeholder={t("contacts.tags.namePlaceholder")}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={Boolean(nameError)}
                aria-describedby={fieldDescribedBy("tag-name", nameError)}
              />
            </FormField>
            <div className="grid gap-1.5">
              <span className="text-sm font-medium leading-none">{t("contacts.tags.color")}</span>
              <TagColorPicker value={color} onChange={setColor} idPrefix="tag-create" />
            </div>
            <div className="flex items-center justify-between gap-3">
              <TagBadge name={name.trim() || t("contacts.tags.namePlaceholder")} color={color} />
              <Button type="submit" loading={create.isPending}>
                {create.isPending ? null : <Plus aria-hidden />}
                {t("contacts.tags.create")}
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="border-b pb-4">
          <CardTitle>{t("contacts.tags.listTitle")}</CardTitle>
        </CardHeader>
        {tags.isPending ? (
          <div className="grid gap-3 p-5" aria-busy>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-8" />
            ))}
          </div>
        ) : tags.isError ? (
          <div className="p-5">
            <ErrorState title={t("common.loadError")} message={errorMessage(tags.error, t)} retryLabel={t("common.retry")} onRetry={() => void tags.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <div className="p-5">
            <EmptyState icon={Tags} title={t("contacts.tags.empty")} description={t("contacts.tags.emptyBody")} className="border-none" />
          </div>
        ) : (
          <ul className="divide-y">
            {items.map((tag) => (
              <li key={tag.id} className="flex items-center gap-3 px-5 py-2.5" data-testid="tag-row" data-tag-id={tag.id}>
                <TagBadge name={tag.name} color={tag.color} />
                <span className="flex-1 text-sm text-muted-foreground tabular-nums" data-testid="tag-count">
                  {t("contacts.tags.count", { count: format.number(tag.contactCount) })}
                </span>
                <Button variant="ghost" size="icon" aria-label={t("contacts.tags.showContacts", { name: tag.name })} title={t("contacts.tags.showContacts", { name: tag.name })} onClick={() => onShowContacts(tag.id)}>
                  <Filter aria-hidden />
                </Button>
                <Button variant="ghost" size="icon" aria-label={t("contacts.tags.edit", { name: tag.name })} title={t("contacts.tags.edit", { name: tag.name })} onClick={() => setEditing(tag)}>
                  <Pencil aria-hidden />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  className="text-destructive hover:text-destructive"
                  aria-label={t("contacts.tags.delete", { name: tag.name })}
                  title={t("contacts.tags.delete", { name: tag.name })}
                  onClick={() => setDeleting(tag)}
                >
                  <Trash2 aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {editing ? <EditTagDialog key={editing.id} tag={editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeleting(null);
            remove.reset();
          }
        }}
        title={t("contacts.tags.deleteTitle", { name: deleting?.name ?? "" })}
        description={plural("contacts.tags.deleteBody", deleting?.contactCount ?? 0)}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => deleting && remove.mutate({ tagId: deleting.id })}
      />
    </div>
  );
}

function EditTagDialog({ tag, onClose, onSaved }: { tag: TagItem; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState<string | null>(tag.color);
  const [nameError, setNameError] = useState<string | undefined>();
  const rename = useMutation(
    trpc.contact.tags.rename.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("contacts.tags.renamed", { name: saved.name }));
        onSaved();
        onClose();
      },
      onError: (error) => setNameError(serverFieldErrors(error).name),
    }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = tagNameError(name, t);
    setNameError(error);
    if (error) return;
    rename.mutate({ tagId: tag.id, name: name.trim(), color });
  };
  const banner = rename.error && !serverFieldErrors(rename.error).name ? errorMessage(rename.error, t) : null;

  return (
    <Dialog open onOpenChange={(open) => !open && !rename.isPending && onClose()}>
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("contacts.tags.editTitle", { name: tag.name })}</DialogTitle>
            <DialogDescription>{t("contacts.tags.editDescription")}</DialogDescription>
          </DialogHeader>
          <FormError message={banner} />
          <FormField id="tag-edit-name" label={t("contacts.tags.name")} error={nameError}>
            <Input
              id="tag-edit-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={Boolean(nameError)}
              aria-describedby={fieldDescribedBy("tag-edit-name", nameError)}
            />
          </FormField>
          <div className="grid gap-1.5">
            <span className="text-sm font-medium leading-none">{t("contacts.tags.color")}</span>
            <TagColorPicker value={color} onChange={setColor} idPrefix="tag-edit" />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={rename.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={rename.isPending}>
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
