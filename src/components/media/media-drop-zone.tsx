"use client";

import { Paperclip, Upload } from "lucide-react";
import { useRef, useState, type DragEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";

/**
 * Pick a file with the button or drop one anywhere on the zone. With `children` (the chosen file) the zone shows them
 * and still takes a drop to replace the file. The hidden input carries `id`, so the field's label and errors reach it.
 * `compact` makes the empty zone a single row, for forms where the file is optional.
 */
export function MediaDropZone({
  id,
  onPick,
  invalid,
  describedBy,
  disabled,
  compact,
  children,
}: {
  id: string;
  onPick: (file: File) => void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  compact?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (disabled || !event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onPick(file);
  };

  return (
    <div
      className={cn(
        "relative min-w-0 rounded-lg border-2 border-dashed transition-colors",
        children
          ? "border-solid border-border p-3"
          : compact
            ? "flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-3"
            : "flex flex-col items-center justify-center gap-2 px-4 py-8 text-center",
        dragging && "border-dashed border-primary bg-primary/5",
        invalid && !dragging && "border-destructive/60",
      )}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="media-drop-zone"
      data-dragging={dragging || undefined}
    >
      {children ?? (
        <>
          {compact ? (
            <Paperclip className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          ) : (
            <span className="flex size-11 items-center justify-center rounded-full bg-muted">
              <Upload className="size-5 text-muted-foreground" aria-hidden />
            </span>
          )}
          <Button type="button" variant="secondary" size="sm" onClick={() => input.current?.click()} disabled={disabled}>
            {t("media.choose")}
          </Button>
          <p className="text-xs text-muted-foreground">{dragging ? t("media.dropActive") : t("media.dropHere")}</p>
        </>
      )}
      {children && dragging ? (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg bg-card/85 text-sm font-medium text-primary">{t("media.dropActive")}</div>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        className="sr-only"
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = "";
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid="media-file-input"
      />
    </div>
  );
}

/** Opens the drop zone's file picker from elsewhere (the "choose another" button next to a chosen file). */
export function openFilePicker(id: string): void {
  document.getElementById(id)?.click();
}
