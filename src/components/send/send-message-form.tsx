"use client";

import { ConnectedDeviceField, RecipientPhoneField } from "@/components/messaging/recipient-fields";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Paperclip, Send, Smartphone, Type } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { useMediaAttachment, type UploadedMedia } from "@/components/media/use-media-upload";
import { TemplatePickerButton } from "@/components/templates/template-picker-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useT, usePlural } from "@/i18n/provider";
import { canBeVoiceNote, MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { useParsePhone } from "@/components/phone/phone-rule";
import { useTRPC, type RouterOutputs } from "@/trpc/react";
import { MediaMessageFields, type MediaField } from "./media-message-fields";
import { SendResult } from "./send-result";
import { useMessageStatus } from "./use-message-status";

type Field = "deviceId" | "to" | "text" | MediaField;
type Mode = "text" | "media";
type SentMessage = RouterOutputs["message"]["sendText"];

/** The server names the uploaded file `mediaId`; on this form that is the file field. */
function mediaFieldErrors(error: unknown): Partial<Record<Field, string>> {
  const { mediaId, ...rest } = serverFieldErrors(error);
  return mediaId ? { ...rest, file: mediaId } : rest;
}

export function SendMessageForm() {
  const t = useT();
  const plural = usePlural();
  const parsePhone = useParsePhone();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }));
  const [deviceId, setDeviceId] = useState("");
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const [mode, setMode] = useState<Mode>("text");
  const [caption, setCaption] = useState("");
  const [asDocument, setAsDocument] = useState(false);
  const [voiceNote, setVoiceNote] = useState(false);
  const [waitingForUpload, setWaitingForUpload] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState<SentMessage | null>(null);
  const attachment = useMediaAttachment();
  const status = useMessageStatus();
  const onSent = (message: SentMessage) => {
    status.track({ id: message.id, status: message.status, error: message.error });
    setSent(message);
  };
  const send = useMutation(
    trpc.message.sendText.mutationOptions({
      onSuccess: (message) => {
        onSent(message);
        setText("");
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const sendMedia = useMutation(
    trpc.message.sendMedia.mutationOptions({
      onSuccess: (message) => {
        onSent(message);
        attachment.clear();
        setCaption("");
        setAsDocument(false);
        setVoiceNote(false);
      },
      onError: (error) => setErrors(mediaFieldErrors(error)),
    }),
  );

  const connected = devices.data?.items ?? [];
  // Default to the first connected device; a chosen device that went offline falls back the same way.
  const selected = connected.some((d) => d.deviceId === deviceId) ? deviceId : (connected[0]?.deviceId ?? "");

  if (devices.isPending) {
    return (
      <Card>
        <CardContent className="grid gap-4 p-5">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-28" />
        </CardContent>
      </Card>
    );
  }
  if (devices.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  }
  if (connected.length === 0 && !status.tracked) {
    return (
      <EmptyState
        icon={Smartphone}
        title={t("send.noConnected")}
        description={t("send.noConnectedBody")}
        action={
          <Button asChild variant="outline">
            <Link href="/devices">{t("send.goToDevices")}</Link>
          </Button>
        }
      />
    );
  }

  const sendUploaded = (media: UploadedMedia, recipient: string) => {
    const visual = media.kind === "image" || media.kind === "video";
    sendMedia.mutate({
      deviceId: selected,
      to: recipient,
      mediaId: media.id,
      caption: media.kind === "audio" ? undefined : caption,
      sendAs: visual && asDocument ? "document" : "auto",
      voiceNote: media.kind === "audio" && voiceNote && canBeVoiceNote(media.mimeType),
    });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!selected) next.deviceId = t("validation.required");
    const phone = parsePhone(to);
    if (!phone.ok) next.to = t("validation.phone");
    if (mode === "text") {
      if (text.trim().length === 0) next.text = t("validation.required");
    } else {
      if (!attachment.state) next.file = t("media.errors.chooseFile");
      if (attachment.kind !== "audio" && caption.length > MAX_CAPTION_LENGTH) next.caption = t("validation.maxChars", { max: MAX_CAPTION_LENGTH });
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !phone.ok) return;
    // The number shown under the field ("Sends to …") is the one sent.
    if (mode === "text") {
      status.reset();
      send.mutate({ deviceId: selected, to: phone.e164, text });
      return;
    }
    // A refused or failed upload already explains itself under the file field.
    if (attachment.state?.phase === "error") return;
    status.reset();
    setWaitingForUpload(true);
    let media: UploadedMedia;
    try {
      media = await attachment.ready();
    } catch {
      return;
    } finally {
      setWaitingForUpload(false);
    }
    sendUploaded(media, phone.e164);
  };

  const failed = mode === "text" ? send.error : sendMedia.error;
  const bannerError = failed && Object.keys(serverFieldErrors(failed)).length === 0 ? errorMessage(failed, t) : null;
  const sending = send.isPending || sendMedia.isPending || waitingForUpload;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
      <Card>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          {/* Select triggers may shrink below their text (it truncates): a long device name must not widen the card on phones. */}
          <CardContent className="grid gap-4 p-5 [&_[role=combobox]]:min-w-0">
            <FormError message={bannerError} />
            <ConnectedDeviceField
              id="deviceId"
              label={t("send.device")}
              placeholder={t("send.devicePlaceholder")}
              devices={connected}
              value={selected}
              onChange={setDeviceId}
              error={errors.deviceId}
            />
            <RecipientPhoneField id="to" label={t("send.to")} hint={t("send.toHint")} value={to} onChange={setTo} error={errors.to} />
            <Tabs value={mode} onValueChange={(value) => setMode(value === "media" ? "media" : "text")} className="min-w-0">
              <TabsList aria-label={t("send.contentKind")} className="w-full sm:w-auto">
                <TabsTrigger value="text" className="flex-1 gap-1.5 sm:flex-none" data-testid="send-tab-text">
                  <Type className="size-3.5" aria-hidden />
                  {t("send.textTab")}
                </TabsTrigger>
                <TabsTrigger value="media" className="flex-1 gap-1.5 sm:flex-none" data-testid="send-tab-media">
                  <Paperclip className="size-3.5" aria-hidden />
                  {t("send.mediaTab")}
                </TabsTrigger>
              </TabsList>
              <TabsContent value="text">
                <FormField id="text" label={t("send.message")} error={errors.text} hint={plural("send.characters", text.length)}>
                  <Textarea
                    id="text"
                    rows={5}
                    placeholder={t("send.messagePlaceholder")}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    aria-invalid={Boolean(errors.text)}
                    aria-describedby={fieldDescribedBy("text", errors.text, plural("send.characters", text.length))}
                  />
                </FormField>
              </TabsContent>
              <TabsContent value="media">
                <MediaMessageFields
                  attachment={attachment}
                  caption={caption}
                  onCaptionChange={setCaption}
                  asDocument={asDocument}
                  onAsDocumentChange={setAsDocument}
                  voiceNote={voiceNote}
                  onVoiceNoteChange={setVoiceNote}
                  errors={{ file: attachment.state ? undefined : errors.file, caption: errors.caption }}
                />
              </TabsContent>
            </Tabs>
          </CardContent>
          <CardFooter className="justify-between">
            {mode === "text" ? <TemplatePickerButton onInsert={(rendered) => setText(rendered)} /> : <span />}
            <Button type="submit" loading={sending}>
              {sending ? null : <Send aria-hidden />}
              {t("send.submit")}
            </Button>
          </CardFooter>
        </form>
      </Card>
      {status.tracked && sent ? (
        <SendResult to={sent.toJid} status={status.tracked.status} error={status.tracked.error} text={sent.content} type={sent.type} media={sent.media} />
      ) : null}
    </div>
  );
}
