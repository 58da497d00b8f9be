"use client";

import { UsersRound } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useT } from "@/i18n/provider";
import { useCreateSandboxGroup } from "./use-sandbox";

/** Numbers typed one per line or separated by commas/semicolons, blanks dropped. */
const splitNumbers = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/** The phone creates a group with other numbers (the device's among them) and becomes its superadmin. */
export function GroupCreateForm({ phone, onCreated }: { phone: string; onCreated: (groupId: string) => void }) {
  const t = useT();
  const create = useCreateSandboxGroup();
  const [subject, setSubject] = useState("");
  const [members, setMembers] = useState("");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { phone, subject, participants: splitNumbers(members) },
      {
        onSuccess: (group) => {
          toast.success(t("sandboxGroups.created", { subject: group.subject }));
          setSubject("");
          setMembers("");
          onCreated(group.id);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="grid gap-3 border-t pt-4" noValidate aria-label={t("sandboxGroups.createTitle")}>
      <p className="text-sm font-medium">{t("sandboxGroups.createTitle")}</p>
      <FormError message={create.error ? errorMessage(create.error, t) : null} />
      <FormField id="sandbox-group-subject" label={t("sandboxGroups.subject")}>
        <Input id="sandbox-group-subject" value={subject} maxLength={100} onChange={(e) => setSubject(e.target.value)} />
      </FormField>
      <FormField id="sandbox-group-members" label={t("sandboxGroups.members")} hint={t("sandboxGroups.membersHint")}>
        <Input
          id="sandbox-group-members"
          inputMode="tel"
          value={members}
          onChange={(e) => setMembers(e.target.value)}
          aria-describedby={fieldDescribedBy("sandbox-group-members", null, t("sandboxGroups.membersHint"))}
        />
      </FormField>
      <Button type="submit" variant="outline" loading={create.isPending} disabled={!subject.trim() || splitNumbers(members).length === 0}>
        {create.isPending ? null : <UsersRound aria-hidden />}
        {t("sandboxGroups.create")}
      </Button>
    </form>
  );
}
