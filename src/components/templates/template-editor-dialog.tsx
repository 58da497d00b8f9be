"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { templateProblems } from "@/lib/render-template";
import { MalformedPlaceholdersNotice, TemplatePreview, TemplateVariableFields, type VariableValues } from "./template-preview";
import type { TemplateItem } from "./types";

const NAME_MAX = 100;
const BODY_MAX = 16_000;
type Field = "name" | "body";

/** Create a template, or save a new version of one, with a live preview beside the text. */
export function TemplateEditorDialog({
  template,
  open,
  onOpenChange,
}: {
  /** The latest version to edit; absent to create. */
  template?: TemplateItem;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(template?.name ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [values, setValues] = useState<VariableValues>({});
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const done = (saved: TemplateItem, message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.template.pathKey() });
    onOpenChange(false);
    return saved;
  };
  const create = useMutation(
    trpc.template.create.mutationOptions({
      onSuccess: (saved) => done(saved, t("templates.created", { name: saved.name })),
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const update = useMutation(
    trpc.template.update.mutationOptions({
      onSuccess: (saved) => done(saved, t("templates.updated", { name: saved.name, version: saved.version })),
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const mutation = template ? update : create;
  const unchanged = template !== undefined && template.name === name.trim() && template.body === body;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (name.trim().length === 0) next.name = t("validation.required");
    else if (name.trim().length > NAME_MAX) next.name = t("validation.maxChars", { max: NAME_MAX });
    if (body.trim().length === 0) next.body = t("validation.required");
    else if (body.length > BODY_MAX) next.body = t("validation.maxChars", { max: BODY_MAX });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    if (template) update.mutate({ templateId: template.id, name: name.trim(), body });
    else create.mutate({ name: name.trim(), body });
  };

  const bannerError = mutation.error && Object.keys(serverFieldErrors(mutation.error)).length === 0 ? errorMessage(mutation.error, t) : null;
  const bodyHint = t("templates.bodyHint", { example: "{{name}}" });

  return (
    <Dialog open={open} onOpenChange={(next) => !mutation.isPending && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")} className="max-w-4xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{template ? t("templates.editTitle", { name: template.name }) : t("templates.createTitle")}</DialogTitle>
            <DialogDescription>{template ? t("templates.editDescription", { version: template.version + 1 }) : t("templates.createDescription")}</DialogDescription>
          </DialogHeader>
          <FormError message={bannerError} />
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="grid content-start gap-4">
              <FormField id="template-name" label={t("templates.name")} error={errors.name}>
                <Input
                  id="template-name"
                  value={name}
                  placeholder={t("templates.namePlaceholder")}
                  onChange={(e) => setName(e.target.value)}
                  aria-invalid={Boolean(errors.name)}
                  aria-describedby={fieldDescribedBy("template-name", errors.name)}
                />
              </FormField>
              <FormField id="template-body" label={t("templates.body")} error={errors.body} hint={bodyHint}>
                <Textarea
                  id="template-body"
                  rows={10}
                  className="font-mono text-[13px]"
                  value={body}
                  placeholder={t("templates.bodyPlaceholder", { name: "{{name}}", order: "{{order}}" })}
                  onChange={(e) => setBody(e.target.value)}
                  aria-invalid={Boolean(errors.body)}
                  aria-describedby={fieldDescribedBy("template-body", errors.body, bodyHint)}
                />
              </FormField>
              <MalformedPlaceholdersNotice problems={templateProblems(body)} className="-mt-2" />
            </div>
            <section className="grid content-start gap-4 rounded-lg border bg-muted/30 p-4" aria-label={t("templates.preview")}>
              <div>
                <h3 className="text-sm font-medium">{t("templates.preview")}</h3>
                <p className="text-xs text-muted-foreground">{t("templates.previewHint")}</p>
              </div>
              <TemplateVariableFields body={body} values={values} onChange={setValues} showMissing={false} idPrefix="editor" />
              <TemplatePreview body={body} values={values} />
            </section>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={mutation.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={unchanged}>
              {template ? t("templates.saveVersion") : t("templates.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The page header's "New template" button with its dialog. */
export function NewTemplateButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  // A new key per opening gives the dialog fresh state.
  const [key, setKey] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setKey((k) => k + 1);
          setOpen(true);
        }}
      >
        <Plus aria-hidden />
        {t("templates.new")}
      </Button>
      <TemplateEditorDialog key={key} open={open} onOpenChange={setOpen} />
    </>
  );
}
