"use client";

import { ConnectedDeviceField } from "@/components/messaging/recipient-fields";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ClipboardCheck, Send, Smartphone } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { MediaAttachmentField } from "@/components/media/media-attachment-field";
import { useMediaAttachment } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { FormError, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { templatePlaceholders } from "@/lib/render-template";
import { useTRPC, type RouterInputs } from "@/trpc/react";
import { BlastReview } from "./blast-review";
import { PacingStartFields, usePacingStart } from "./pacing-start-fields";
import { RecipientsInput, type RecipientsValue } from "./recipients-input";

type Kind = "text" | "template" | "media";

/**
 * Compose a chat blast: device, message (text, template or file with caption), recipients (pasted, CSV or tags),
 * pacing and start; then review what it will do before starting it. The server re-checks everything.
 */
export function BlastForm() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const devices = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }));
  const templates = useQuery(trpc.template.list.queryOptions({ limit: 100 }));
  const timing = usePacingStart();
  const { pacing, later, when, timezone } = timing;
  const [deviceId, setDeviceId] = useState("");
  const [kind, setKind] = useState<Kind>("text");
  const [text, setText] = useState("");
  const [templateId, setTemplateId] = useState("");
  const [recipients, setRecipients] = useState<RecipientsValue | null>({ source: "paste", text: "" });
  const [excludeIncomplete, setExcludeIncomplete] = useState(false);
  const [reviewedKey, setReviewedKey] = useState<string | null>(null);
  const attachment = useMediaAttachment();

  const connected = devices.data?.items ?? [];
  const selected = connected.some((d) => d.deviceId === deviceId) ? deviceId : (connected[0]?.deviceId ?? "");
  const template = templates.data?.items.find((tpl) => String(tpl.id) === templateId);
  const body = kind === "template" ? (template?.body ?? "") : text;
  const placeholders = useMemo(() => templatePlaceholders(body), [body]);

  const review = useMutation(trpc.job.review.mutationOptions());
  const create = useMutation(
    trpc.job.create.mutationOptions({
      onSuccess: (job) => {
        toast.success(job.status === "scheduled" ? t("blast.scheduled") : t("blast.created"));
        router.push(`/jobs/${job.id}`);
      },
    }),
  );

  if (devices.isPending) return <Skeleton className="h-96" />;
  if (devices.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  }
  if (connected.length === 0) {
    return (
      <EmptyState
        icon={Smartphone}
        title={t("blast.noConnected")}
        description={t("blast.noConnectedBody")}
        action={
          <Button asChild variant="outline">
            <Link href="/devices">{t("blast.goToDevices")}</Link>
          </Button>
        }
      />
    );
  }

  /** The request both review and create take; null while something required is missing. */
  const request = async () => {
    if (!recipients) return null;
    let message: RouterInputs["job"]["create"]["message"];
    if (kind === "text") message = { kind: "text", text };
    else if (kind === "template") message = { kind: "template", templateId: Number(templateId) };
    else {
      const media = await attachment.ready().catch(() => null);
      if (!media) return null;
      message = { kind: "media", mediaId: media.id, caption: text, sendAs: "auto" };
    }
    return { deviceId: selected, message, recipients, pacing };
  };
  const inputKey = JSON.stringify({ selected, kind, text, templateId, recipients, pacing, media: attachment.state?.phase === "done" ? attachment.state.media.id : null });
  const stale = review.data !== undefined && reviewedKey !== inputKey;

  const onReview = async () => {
    const input = await request();
    if (!input) return;
    setReviewedKey(inputKey);
    review.mutate(input);
  };
  const onStart = async () => {
    const input = await request();
    if (!input) return;
    create.mutate({ ...input, start: later ? { startAt: when, timezone, excludeIncomplete } : { excludeIncomplete } });
  };

  const busy = review.isPending || create.isPending;
  const bannerError = create.error ? errorMessage(create.error, t) : review.error ? errorMessage(review.error, t) : null;
  const canStart = review.data !== undefined && !stale && review.data.counts.ready > 0 && (review.data.counts.missingValues === 0 || excludeIncomplete);

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("blast.formTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5 [&_[role=combobox]]:min-w-0">
          <FormError message={bannerError} />
          <ConnectedDeviceField id="blast-device" label={t("blast.device")} placeholder={t("blast.devicePlaceholder")} devices={connected} value={selected} onChange={setDeviceId} />
          <div className="grid gap-2">
            <Label>{t("blast.messageKind")}</Label>
            <Tabs value={kind} onValueChange={(v) => setKind(v as Kind)}>
              <TabsList>
                <TabsTrigger value="text">{t("blast.kindText")}</TabsTrigger>
                <TabsTrigger value="template">{t("blast.kindTemplate")}</TabsTrigger>
                <TabsTrigger value="media">{t("blast.kindMedia")}</TabsTrigger>
              </TabsList>
            </Tabs>
            {kind === "template" ? (
              (templates.data?.items ?? []).length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("blast.noTemplates")}</p>
              ) : (
                <FormField id="blast-template" label={t("blast.template")}>
                  <Select value={templateId} onValueChange={setTemplateId}>
                    <SelectTrigger id="blast-template">
                      <SelectValue placeholder={t("blast.templatePlaceholder")} />
                    </SelectTrigger>
                    <SelectContent>
                      {(templates.data?.items ?? []).map((tpl) => (
                        <SelectItem key={tpl.id} value={String(tpl.id)}>
                          {tpl.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </FormField>
              )
            ) : null}
            {kind === "template" && template ? <p className="whitespace-pre-wrap rounded-md border bg-muted/40 p-3 text-sm">{template.body}</p> : null}
            {kind === "media" ? <MediaAttachmentField id="blast-file" label={t("blast.file")} attachment={attachment} compact /> : null}
            {kind !== "template" ? (
              <FormField id="blast-text" label={kind === "media" ? t("blast.caption") : t("blast.text")} hint={t("blast.textHint", { example: "{{name}}" })}>
                <Textarea id="blast-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
              </FormField>
            ) : null}
          </div>
          <div className="grid gap-2">
            <Label>{t("blast.recipients")}</Label>
            <RecipientsInput placeholders={placeholders} onChange={setRecipients} />
          </div>
          <PacingStartFields value={timing} idPrefix="blast" />
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="button" variant="outline" loading={review.isPending} disabled={busy} onClick={() => void onReview()}>
            {review.isPending ? null : <ClipboardCheck aria-hidden />}
            {t("blast.review")}
          </Button>
        </CardFooter>
      </Card>
      {review.data ? (
        <div className="grid gap-3">
          {stale ? <p className="text-sm text-warning-foreground" role="status">{t("blast.reviewStale")}</p> : null}
          <BlastReview review={review.data} />
          <div className="flex flex-wrap items-center justify-end gap-3">
            {review.data.counts.missingValues > 0 ? (
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" className="accent-primary" checked={excludeIncomplete} onChange={(e) => setExcludeIncomplete(e.target.checked)} />
                {t("blast.excludeIncomplete")}
              </label>
            ) : null}
            <Button type="button" loading={create.isPending} disabled={!canStart || busy} onClick={() => void onStart()}>
              {create.isPending ? null : <Send aria-hidden />}
              {later ? t("blast.scheduleBlast") : t("blast.startBlast")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
