"use client";

import { useMutation } from "@tanstack/react-query";
import { Paperclip, X } from "lucide-react";
import { useState } from "react";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { MediaAttachmentField } from "@/components/media/media-attachment-field";
import { mediaUrl } from "@/components/media/media-kind";
import { useMediaAttachment } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ReplyTextField } from "./reply-text-field";
import type { BotRule } from "./rule-row";
import { TagInput } from "./tag-input";
import { APPLIES_WHEN, MATCH_TYPES, type AppliesWhen, type MatchType, type RuleDraft } from "./types";

type Field = "name" | "patterns" | "response";

function toDraft(rule: BotRule | null): RuleDraft {
  return rule
    ? { name: rule.name, matchType: rule.matchType, patterns: [...rule.patterns], response: rule.response, mediaId: rule.mediaId, enabled: rule.enabled, appliesWhen: rule.appliesWhen }
    : { name: "", matchType: "keyword", patterns: [], response: "", mediaId: null, enabled: true, appliesWhen: "always" };
}

/** Adds or edits one rule. A pattern the server refuses (an invalid regex) is shown with the server's reason. */
export function RuleDialog({ deviceId, rule, onClose, onSaved }: { deviceId: string; rule: BotRule | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<RuleDraft>(() => toDraft(rule));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const attachment = useMediaAttachment();
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onError = (error: unknown) => {
    const fields = serverFieldErrors(error);
    setErrors({ name: fields.name, patterns: fields.patterns, response: fields.response });
    setFormError(Object.keys(fields).length ? null : errorMessage(error, t));
  };
  const onSuccess = () => {
    onSaved();
    onClose();
  };
  const create = useMutation(trpc.bot.rules.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.bot.rules.update.mutationOptions({ onSuccess, onError }));
  const [uploading, setUploading] = useState(false);
  const pending = create.isPending || update.isPending || uploading;

  const submit = async () => {
    const next: Partial<Record<Field, string>> = {};
    if (!draft.name.trim()) next.name = t("bot.rules.nameRequired");
    if (draft.patterns.length === 0) next.patterns = t("bot.rules.patternsRequired");
    if (!draft.response.trim()) next.response = t("bot.rules.responseRequired");
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    let mediaId = draft.mediaId;
    if (attachment.state) {
      setUploading(true);
      try {
        mediaId = (await attachment.ready()).id;
      } catch {
        setFormError(attachment.error ?? t("bot.rules.mediaFailed"));
        return;
      } finally {
        setUploading(false);
      }
    }
    const fields = { ...draft, name: draft.name.trim(), mediaId };
    if (rule) update.mutate({ ruleId: rule.id, ...fields });
    else create.mutate({ deviceId, ...fields });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent closeLabel={t("common.close")} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{rule ? t("bot.rules.editTitle") : t("bot.rules.addTitle")}</DialogTitle>
          <DialogDescription>{t("bot.rules.dialogBody")}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <FormField id="rule-name" label={t("bot.rules.name")} error={errors.name}>
            <Input id="rule-name" value={draft.name} maxLength={100} aria-invalid={errors.name ? true : undefined} aria-describedby={fieldDescribedBy("rule-name", errors.name)} onChange={(e) => set("name", e.target.value)} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="rule-match" className="content-start" label={t("bot.rules.matchType")} hint={t(`bot.matchTypeHint.${draft.matchType}`)}>
              <Select value={draft.matchType} onValueChange={(v) => set("matchType", v as MatchType)}>
                <SelectTrigger id="rule-match" aria-describedby="rule-match-hint">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {MATCH_TYPES.map((m) => (
                    <SelectItem key={m} value={m}>
                      {t(`bot.matchType.${m}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
            <FormField id="rule-applies" className="content-start" label={t("bot.rules.appliesWhen")}>
              <Select value={draft.appliesWhen} onValueChange={(v) => set("appliesWhen", v as AppliesWhen)}>
                <SelectTrigger id="rule-applies">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {APPLIES_WHEN.map((a) => (
                    <SelectItem key={a} value={a}>
                      {t(`bot.appliesWhen.${a}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
          </div>
          <FormField id="rule-patterns" label={t("bot.rules.patterns")} error={errors.patterns} hint={draft.matchType === "regex" ? t("bot.rules.patternsHintRegex") : t("bot.rules.patternsHint")}>
            <TagInput
              id="rule-patterns"
              value={draft.patterns}
              onChange={(v) => set("patterns", v)}
              commas={draft.matchType !== "regex"}
              placeholder={t("bot.rules.patternsPlaceholder")}
              removeLabel={(tag) => t("bot.rules.removePattern", { pattern: tag })}
              invalid={Boolean(errors.patterns)}
              describedBy={fieldDescribedBy("rule-patterns", errors.patterns, "hint")}
              maxLength={500}
            />
          </FormField>
          <ReplyTextField id="rule-response" label={t("bot.rules.response")} value={draft.response} onChange={(v) => set("response", v)} error={errors.response} maxLength={4096} />
          {draft.mediaId !== null && !attachment.state ? (
            <div className="grid gap-1.5">
              <Label>{t("bot.rules.media")}</Label>
              <div className="flex items-center gap-2 rounded-md border px-3 py-2 text-sm">
                <Paperclip className="size-4 text-muted-foreground" aria-hidden />
                <a href={mediaUrl(draft.mediaId)} target="_blank" rel="noreferrer" className="flex-1 truncate text-primary hover:underline">
                  {t("bot.rules.mediaAttached")}
                </a>
                <Button type="button" variant="ghost" size="icon" className="size-7" aria-label={t("media.remove")} onClick={() => set("mediaId", null)}>
                  <X aria-hidden />
                </Button>
              </div>
            </div>
          ) : (
            <MediaAttachmentField id="rule-media" label={`${t("bot.rules.media")} (${t("common.optional")})`} attachment={attachment} compact />
          )}
          <div className="flex items-center gap-3">
            <Switch id="rule-enabled" checked={draft.enabled} onCheckedChange={(v) => set("enabled", v)} />
            <Label htmlFor="rule-enabled">{t("bot.rules.enabled")}</Label>
          </div>
          <FormError message={formError} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {rule ? t("common.save") : t("bot.rules.addSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
