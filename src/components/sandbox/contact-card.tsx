"use client";

import { useQuery } from "@tanstack/react-query";
import { Paperclip, Send, X } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { useFormatBytes } from "@/components/media/format-bytes";
import { MediaKindBadge } from "@/components/media/media-preview";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { mediaKindOf } from "@/lib/media/media-kinds";
import { useTRPC } from "@/trpc/react";
import { useSandboxSendMedia, useSandboxSendText } from "./use-sandbox";

/** What the sandbox router takes (16 MiB); the control API itself allows a little more. */
const SANDBOX_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** The file's bytes as plain base64 (a data: URL without its prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

/**
 * The selected account plays a contact: it writes to a connected device — text, or a file with the text as its
 * caption.
 */
export function ContactCard({ phone }: { phone: string }) {
  const t = useT();
  const trpc = useTRPC();
  const bytes = useFormatBytes();
  const connected = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }));
  const targets = (connected.data?.items ?? []).filter((d) => d.phoneNumber);
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useSandboxSendText();
  const sendMedia = useSandboxSendMedia();
  const chosen = targets.some((d) => d.phoneNumber === to) ? to : (targets[0]?.phoneNumber ?? "");
  const busy = send.isPending || sendMedia.isPending || reading;

  const pick = (picked: File) => {
    setFile(picked);
    setFileError(picked.size > SANDBOX_FILE_MAX_BYTES ? t("sandbox.fileTooLarge", { limit: bytes(SANDBOX_FILE_MAX_BYTES) }) : null);
  };
  const clearFile = () => {
    setFile(null);
    setFileError(null);
  };
  const sent = () => {
    toast.success(t("sandbox.sentAsContact"));
    setText("");
    clearFile();
  };

  const onSend = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = chosen.replace(/\D/g, "");
    if (!target) return;
    if (!file) {
      if (text.trim()) send.mutate({ from: phone, to: target, text }, { onSuccess: sent });
      return;
    }
    if (fileError) return;
    setReading(true);
    let data: string;
    try {
      data = await readBase64(file);
    } catch {
      setFileError(t("sandbox.readFailed"));
      return;
    } finally {
      setReading(false);
    }
    const kind = mediaKindOf(file.type);
    sendMedia.mutate(
      { from: phone, to: target, kind, mimetype: file.type || "application/octet-stream", data, fileName: file.name, caption: text.trim() ? text : undefined },
      { onSuccess: sent },
    );
  };

  const failure = send.error ?? sendMedia.error;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sandbox.writeTitle")}</CardTitle>
        <CardDescription>{t("sandbox.writeDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form className="grid gap-3" onSubmit={(e) => void onSend(e)} noValidate>
          <FormError message={failure ? errorMessage(failure, t) : null} />
          <FormField id="sandbox-to" label={t("sandbox.to")}>
            <Select value={chosen} onValueChange={setTo} disabled={targets.length === 0}>
              <SelectTrigger id="sandbox-to">
                <SelectValue placeholder={t("send.noConnected")} />
              </SelectTrigger>
              <SelectContent>
                {targets.map((d) => (
                  <SelectItem key={d.deviceId} value={d.phoneNumber ?? ""}>
                    {d.deviceName} · {d.phoneNumber}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
          <FormField id="sandbox-text" label={t("sandbox.text")}>
            <Textarea id="sandbox-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </FormField>
          <FormField id="sandbox-file" label={t("sandbox.file")} error={fileError} hint={t("sandbox.fileHint")}>
            <div className="flex min-w-0 items-center gap-2 rounded-md border border-input bg-card p-1 shadow-xs">
              <Button type="button" variant="secondary" size="sm" onClick={() => fileInput.current?.click()}>
                <Paperclip aria-hidden />
                {t("sandbox.chooseFile")}
              </Button>
              {file ? (
                <>
                  <span className="min-w-0 flex-1 truncate text-sm" title={file.name} data-testid="sandbox-file-name">
                    {file.name} · {bytes(file.size)}
                  </span>
                  <MediaKindBadge kind={mediaKindOf(file.type)} />
                  <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={t("sandbox.removeFile")} title={t("sandbox.removeFile")} onClick={clearFile}>
                    <X aria-hidden />
                  </Button>
                </>
              ) : null}
            </div>
            <input
              ref={fileInput}
              id="sandbox-file"
              type="file"
              className="sr-only"
              tabIndex={-1}
              onChange={(e) => {
                const picked = e.target.files?.[0];
                if (picked) pick(picked);
                e.target.value = "";
              }}
              aria-invalid={Boolean(fileError)}
              aria-describedby={fieldDescribedBy("sandbox-file", fileError, t("sandbox.fileHint"))}
            />
          </FormField>
          <Button type="submit" loading={busy} disabled={!chosen || (!file && !text.trim())}>
            {busy ? null : <Send aria-hidden />}
            {t("sandbox.send")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
