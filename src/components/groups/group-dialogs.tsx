"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import type { MessageKey } from "@/i18n/types";
import { useTRPC } from "@/trpc/react";

/** Numbers typed one per line or separated by commas/semicolons. */
export function splitPhones(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function CreateGroupDialog({ deviceId, disabled, onCreated }: { deviceId: string; disabled: boolean; onCreated: (groupJid: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState("");
  const [phones, setPhones] = useState("");
  const create = useMutation(
    trpc.group.create.mutationOptions({
      onSuccess: (group) => {
        toast.success(t("adminGroups.created"));
        setOpen(false);
        setSubject("");
        setPhones("");
        void queryClient.invalidateQueries({ queryKey: trpc.group.list.queryKey({ deviceId }) });
        onCreated(group.groupJid);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ deviceId, subject, participants: splitPhones(phones) });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" disabled={disabled} data-testid="group-create-open">
          <Plus aria-hidden />
          {t("adminGroups.newGroup")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("adminGroups.createTitle")}</DialogTitle>
          </DialogHeader>
          <FormField id="group-subject" label={t("adminGroups.subject")}>
            <Input id="group-subject" value={subject} maxLength={100} onChange={(e) => setSubject(e.target.value)} />
          </FormField>
          <FormField id="group-participants" label={t("adminGroups.participants")} hint={t("adminGroups.participantsHint")}>
            <Textarea id="group-participants" rows={4} value={phones} onChange={(e) => setPhones(e.target.value)} />
          </FormField>
          <FormError message={create.error ? errorMessage(create.error, t) : null} />
          <DialogFooter>
            <Button type="submit" loading={create.isPending}>
              {t("adminGroups.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

type ResultKey = Extract<MessageKey, `adminGroups.result${string}`>;

const RESULT_KEYS: Record<string, ResultKey> = {
  done: "adminGroups.resultDone",
  already_member: "adminGroups.resultAlreadyMember",
  not_on_whatsapp: "adminGroups.resultNotOnWhatsApp",
  not_member: "adminGroups.resultNotMember",
  privacy_restricted: "adminGroups.resultPrivacy",
  recently_left: "adminGroups.resultRecentlyLeft",
  not_allowed: "adminGroups.resultNotAllowed",
  group_full: "adminGroups.resultGroupFull",
  failed: "adminGroups.resultFailed",
};

export function resultLabel(result: string): ResultKey {
  return RESULT_KEYS[result] ?? "adminGroups.resultFailed";
}

export function AddMembersDialog({ deviceId, groupJid, disabled }: { deviceId: string; groupJid: string; disabled: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [phones, setPhones] = useState("");
  const add = useMutation(trpc.group.addParticipants.mutationOptions({ onSuccess: () => setPhones("") }));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) add.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={disabled} data-testid="group-add-open">
          <Plus aria-hidden />
          {t("adminGroups.addMembers")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ deviceId, groupJid, participants: splitPhones(phones) });
          }}
          className="grid gap-4"
          noValidate
        >
          <DialogHeader>
            <DialogTitle>{t("adminGroups.addMembers")}</DialogTitle>
          </DialogHeader>
          <FormField id="group-add-phones" label={t("adminGroups.participants")} hint={t("adminGroups.participantsHint")}>
            <Textarea id="group-add-phones" rows={3} value={phones} onChange={(e) => setPhones(e.target.value)} />
          </FormField>
          <FormError message={add.error ? errorMessage(add.error, t) : null} />
          {add.data ? (
            <ul className="grid gap-1 text-sm" aria-label={t("adminGroups.results")} data-testid="group-add-results">
              {add.data.map((r) => (
                <li key={r.phone} className="flex justify-between gap-3">
                  <span className="tabular-nums">{r.phone}</span>
                  <span className={r.result === "done" ? "text-success" : "text-muted-foreground"}>{t(resultLabel(r.result))}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <DialogFooter>
            <Button type="submit" loading={add.isPending}>
              {t("adminGroups.add")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** One text field in a dialog (subject, description). */
export function EditTextDialog({
  trigger,
  title,
  label,
  initial,
  multiline,
  maxLength,
  pending,
  error,
  onSave,
}: {
  trigger: ReactNode;
  title: string;
  label: string;
  initial: string;
  multiline?: boolean;
  maxLength: number;
  pending: boolean;
  error: string | null;
  onSave: (value: string, close: () => void) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(initial);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setValue(initial);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSave(value, () => setOpen(false));
          }}
          className="grid gap-4"
          noValidate
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription className="sr-only">{label}</DialogDescription>
          </DialogHeader>
          <FormField id="group-edit-text" label={label}>
            {multiline ? (
              <Textarea id="group-edit-text" rows={4} maxLength={maxLength} value={value} onChange={(e) => setValue(e.target.value)} />
            ) : (
              <Input id="group-edit-text" maxLength={maxLength} value={value} onChange={(e) => setValue(e.target.value)} />
            )}
          </FormField>
          <FormError message={error} />
          <DialogFooter>
            <Button type="submit" loading={pending}>
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
