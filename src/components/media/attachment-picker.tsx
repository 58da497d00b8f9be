"use client";

import { Paperclip, X } from "lucide-react";
import { useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MediaFileSummary, MediaUploadStatus } from "./media-preview";
import type { MediaAttachment } from "./use-media-upload";

/** The composers' paperclip: a button that opens the file picker and hands the chosen file to the attachment (uploaded at once). */
export function AttachButton({
  attachment,
  label,
  disabled,
  testId,
  className,
}: {
  attachment: MediaAttachment;
  label: string;
  disabled: boolean;
  /** data-testid of the hidden file input. */
  testId: string;
  className?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button type="button" variant="ghost" size="icon" className={cn("size-10 shrink-0", className)} aria-label={label} title={label} disabled={disabled} onClick={() => input.current?.click()}>
        <Paperclip aria-hidden />
      </Button>
      <input
        ref={input}
        type="file"
        className="hidden"
        tabIndex={-1}
        aria-hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) attachment.pick(file);
          e.target.value = "";
        }}
      />
    </>
  );
}

/** The chosen file above a composer: what it is, its upload progress or error, and a button to remove it. */
export function AttachmentRow({
  attachment,
  removeLabel,
  busy,
  testId,
  className,
  children,
}: {
  attachment: MediaAttachment;
  removeLabel: string;
  busy: boolean;
  testId: string;
  className?: string;
  /** Extra notes under the file (e.g. "audio takes no caption"). */
  children?: ReactNode;
}) {
  if (!attachment.state || !attachment.kind) return null;
  return (
    <div className={cn("grid gap-2 rounded-lg border bg-muted/40 p-2", className)} data-testid={testId}>
      <div className="flex items-center gap-2">
        <MediaFileSummary file={attachment.state.file} kind={attachment.kind} />
        <Button type="button" variant="ghost" size="icon" aria-label={removeLabel} title={removeLabel} onClick={attachment.clear} disabled={busy}>
          <X aria-hidden />
        </Button>
      </div>
      <MediaUploadStatus attachment={attachment} />
      {attachment.error ? (
        <p role="alert" className="text-xs font-medium text-destructive" data-testid={`${testId}-error`}>
          {attachment.error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
