"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useNormalisedPhoneHint } from "@/components/phone/normalised-phone-hint";
import { useParsePhone } from "@/components/phone/phone-rule";
import { useTRPC } from "@/trpc/react";
import { OptOutBadge } from "./opt-out-badge";
import { TagPicker } from "./tag-picker";
import type { ContactItem } from "./types";

const NAME_MAX = 100;
const NOTES_MAX = 2_000;
type Field = "name" | "phone" | "notes" | "tagIds";

/** Prefill for a new contact (e.g. from a WhatsApp chat). */
export interface ContactDraft {
  name?: string;
  phone?: string;
}

/** Create a contact, or edit one: name, phone, notes and tags. */
export function ContactDialog({
  contact,
  draft,
  open,
  onOpenChange,
}: {
  contact?: ContactItem;
  draft?: ContactDraft;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT();
  const parsePhone = useParsePhone();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(contact?.name ?? draft?.name ?? "");
  const [phone, setPhone] = useState(contact?.phone ?? draft?.phone ?? "");
  const phoneHint = useNormalisedPhoneHint(phone, t("send.toHint"), "save");
  const [notes, setNotes] = useState(contact?.notes ?? "");
  const [tagIds, setTagIds] = useState<number[]>(contact?.tags.map((tag) => tag.id) ?? []);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const onSaved = <T,>(saved: T, message: string) => {
    toast.success(message);
    // Tag counts change with the contact's tags; the WhatsApp chat view marks saved numbers.
    void queryClient.invalidateQueries({ queryKey: trpc.contact.pathKey() });
    // Every list names people by their saved contact first (chats, history, dashboard).
    void queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.message.pathKey() });
    onOpenChange(false);
    return saved;
  };
  const create = useMutation(
    trpc.contact.create.mutationOptions({
      onSuccess: (saved) => onSaved(saved, t("contacts.created", { name: saved.name })),
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const update = useMutation(
    trpc.contact.update.mutationOptions({
      onSuccess: (saved) => onSaved(saved, t("contacts.updated", { name: saved.name })),
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const mutation = contact ? update : create;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (name.trim().length === 0) next.name = t("validation.required");
    else if (name.trim().length > NAME_MAX) next.name = t("validation.maxChars", { max: NAME_MAX });
    if (!parsePhone(phone).ok) next.phone = t("validation.phone");
    if (notes.trim().length > NOTES_MAX) next.notes = t("validation.maxChars", { max: NOTES_MAX });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const input = { name: name.trim(), phone: phone.trim(), notes: notes.trim(), tagIds };
    if (contact) update.mutate({ contactId: contact.id, ...input });
    else create.mutate(input);
  };

  const fieldErrors = mutation.error ? serverFieldErrors(mutation.error) : {};
  const bannerError = mutation.error && Object.keys(fieldErrors).length === 0 ? errorMessage(mutation.error, t) : (errors.tagIds ?? null);

  return (
    <Dialog open={open} onOpenChange={(next) => !mutation.isPending && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{contact ? t("contacts.editTitle", { name: contact.name }) : t("contacts.createTitle")}</DialogTitle>
            <DialogDescription>{t("contacts.dialogDescription")}</DialogDescription>
            {contact?.optOut ? <OptOutBadge optOut={contact.optOut} /> : null}
          </DialogHeader>
          <FormError message={bannerError} />
          <FormField id="contact-name" label={t("contacts.name")} error={errors.name}>
            <Input
              id="contact-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={Boolean(errors.name)}
              aria-describedby={fieldDescribedBy("contact-name", errors.name)}
            />
          </FormField>
          <FormField id="contact-phone" label={t("contacts.phone")} error={errors.phone} hint={phoneHint}>
            <Input
              id="contact-phone"
              type="tel"
              inputMode="tel"
              placeholder="0812 3456 7890"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              aria-invalid={Boolean(errors.phone)}
              aria-describedby={fieldDescribedBy("contact-phone", errors.phone, phoneHint)}
            />
          </FormField>
          <FormField
            id="contact-notes"
            label={
              <>
                {t("contacts.notes")} <span className="font-normal text-muted-foreground">({t("common.optional")})</span>
              </>
            }
            error={errors.notes}
          >
            <Textarea
              id="contact-notes"
              rows={3}
              className="min-h-16"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              aria-invalid={Boolean(errors.notes)}
              aria-describedby={fieldDescribedBy("contact-notes", errors.notes)}
            />
          </FormField>
          <div className="grid gap-1.5">
            <span id="contact-tags-label" className="text-sm font-medium leading-none">
              {t("contacts.tagsLabel")}
            </span>
            <TagPicker value={tagIds} onChange={setTagIds} labelledBy="contact-tags-label" />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={mutation.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {contact ? t("common.save") : t("contacts.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The page header's "New contact" button with its dialog. */
export function NewContactButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setKey((k) => k + 1);
          setOpen(true);
        }}
      >
        <UserPlus aria-hidden />
        {t("contacts.new")}
      </Button>
      <ContactDialog key={key} open={open} onOpenChange={setOpen} />
    </>
  );
}
