"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bot, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { RuleDialog } from "./rule-dialog";
import { RuleRow, type BotRule } from "./rule-row";

/**
 * The rules in priority order (first wins). Drag a row by its handle — mouse, touch, or keyboard (Space, arrows,
 * Space) — or use its up/down buttons; the new order shows at once and is saved in one call.
 */
export function RulesPanel({ deviceId }: { deviceId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.bot.rules.list.queryKey({ deviceId });
  const rules = useQuery(trpc.bot.rules.list.queryOptions({ deviceId }));
  const [editing, setEditing] = useState<BotRule | "new" | null>(null);
  const [deleting, setDeleting] = useState<BotRule | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bot.rules.pathKey() });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const reorder = useMutation(
    trpc.bot.rules.reorder.mutationOptions({
      onError: (error) => toast.error(errorMessage(error, t)),
      onSettled: () => void refresh(),
    }),
  );
  const update = useMutation(
    trpc.bot.rules.update.mutationOptions({
      onError: (error) => toast.error(errorMessage(error, t)),
      onSettled: () => void refresh(),
    }),
  );
  const remove = useMutation(
    trpc.bot.rules.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("bot.rules.deleted"));
        setDeleting(null);
        void refresh();
      },
    }),
  );

  const move = (ordered: BotRule[]) => {
    queryClient.setQueryData(listKey, ordered);
    reorder.mutate({ deviceId, ruleIds: ordered.map((r) => r.id) });
  };

  if (rules.isPending) {
    return (
      <Card className="grid gap-3 p-5" aria-busy>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </Card>
    );
  }
  if (rules.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(rules.error, t)} retryLabel={t("common.retry")} onRetry={() => void rules.refetch()} />;
  }

  const list = rules.data;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = list.findIndex((r) => r.id === active.id);
    const to = list.findIndex((r) => r.id === over.id);
    if (from >= 0 && to >= 0) move(arrayMove(list, from, to));
  };

  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex flex-col gap-3 border-b pb-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="grid gap-1">
          <CardTitle>{t("bot.rules.title")}</CardTitle>
          <CardDescription>{t("bot.rules.body")}</CardDescription>
        </div>
        <Button onClick={() => setEditing("new")} className="self-start sm:self-auto">
          <Plus aria-hidden />
          {t("bot.rules.add")}
        </Button>
      </CardHeader>
      {list.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={Bot} title={t("bot.rules.empty")} description={t("bot.rules.emptyBody")} className="border-none" />
        </div>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={list.map((r) => r.id)} strategy={verticalListSortingStrategy}>
            <ol className="divide-y" data-testid="rule-list" aria-label={t("bot.rules.title")}>
              {list.map((rule, index) => (
                <RuleRow
                  key={rule.id}
                  rule={rule}
                  position={index + 1}
                  first={index === 0}
                  last={index === list.length - 1}
                  onMove={(delta) => move(arrayMove(list, index, index + delta))}
                  onToggle={(enabled) => {
                    queryClient.setQueryData(listKey, list.map((r) => (r.id === rule.id ? { ...r, enabled } : r)));
                    update.mutate({ ruleId: rule.id, enabled });
                  }}
                  onEdit={() => setEditing(rule)}
                  onDelete={() => setDeleting(rule)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {editing ? <RuleDialog deviceId={deviceId} rule={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={() => void refresh()} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeleting(null);
            remove.reset();
          }
        }}
        title={t("bot.rules.deleteTitle", { name: deleting?.name ?? "" })}
        description={t("bot.rules.deleteBody")}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => deleting && remove.mutate({ ruleId: deleting.id })}
      />
    </Card>
  );
}
