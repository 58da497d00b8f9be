"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileUp, Upload } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { usePhoneCallingCode } from "@/components/phone/phone-rule";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT, usePlural } from "@/i18n/provider";
import { parseContactsCsv, type ContactCsvRow, type ContactCsvRowError } from "@/lib/csv/contacts-csv";
import { useTRPC } from "@/trpc/react";
import { ImportCsvPreview } from "./import-csv-preview";

const CSV_BYTES_MAX = 2 * 1024 * 1024;
const EXAMPLE = "name,phone,tags,notes\nBudi Santoso,0812 3456 7890,customer;vip,Prefers mornings";

/** CSV import: pick a file, import it, then see what was created, updated and which rows failed and why. */
export function ImportCsvButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  return (
    <>
      <Button
        variant="outline"
        onClick={() => {
          setKey((k) => k + 1);
          setOpen(true);
        }}
      >
        <FileUp aria-hidden />
        {t("contacts.import.open")}
      </Button>
      <ImportCsvDialog key={key} open={open} onOpenChange={setOpen} />
    </>
  );
}

function ImportCsvDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const plural = usePlural();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // The file read and checked in the browser with the server's rule, shown before anything is written.
  const [preview, setPreview] = useState<{ csv: string; rows: ContactCsvRow[]; errors: ContactCsvRowError[] } | null>(null);
  const callingCode = usePhoneCallingCode();
  const importCsv = useMutation(
    trpc.contact.importCsv.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.contact.pathKey() }),
    }),
  );
  const busy = reading || importCsv.isPending;
  const inputRef = useRef<HTMLInputElement>(null);
  const pick = (chosen: File) => {
    setFile(chosen);
    setFileError(null);
    setPreview(null);
    importCsv.reset();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setFileError(t("contacts.import.chooseFile"));
    if (file.size > CSV_BYTES_MAX) return setFileError(t("contacts.import.tooLarge"));
    setFileError(null);
    setReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setReading(false);
      return setFileError(t("contacts.import.readFailed"));
    }
    setReading(false);
    const parsed = parseContactsCsv(csv, callingCode);
    if (!parsed.ok) return setFileError(parsed.error);
    setPreview({ csv, rows: parsed.rows, errors: parsed.errors });
  };

  const startOver = () => {
    setFile(null);
    setPreview(null);
    importCsv.reset();
  };

  const result = importCsv.data;

  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("contacts.import.title")}</DialogTitle>
          <DialogDescription>{t("contacts.import.description")}</DialogDescription>
        </DialogHeader>
        {result ? (
          <div className="grid gap-4" data-testid="import-result">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label={t("contacts.import.total")} value={format.number(result.total)} testId="import-total" />
              <Stat label={t("contacts.import.created")} value={format.number(result.created)} tone="text-[oklch(0.42_0.12_150)]" testId="import-created" />
              <Stat label={t("contacts.import.updated")} value={format.number(result.updated)} tone="text-[oklch(0.45_0.15_250)]" testId="import-updated" />
              <Stat label={t("contacts.import.failed")} value={format.number(result.failed)} tone={result.failed > 0 ? "text-destructive" : undefined} testId="import-failed" />
            </dl>
            {result.errors.length > 0 ? (
              <div className="grid gap-2">
                <h3 className="text-sm font-medium">{t("contacts.import.errorsTitle")}</h3>
                <div className="max-h-72 overflow-y-auto rounded-lg border">
                  <Table>
                    <TableHeader>
                      <TableRow className="hover:bg-transparent">
                        <TableHead className="w-20">{t("contacts.import.row")}</TableHead>
                        <TableHead>{t("contacts.import.problem")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {result.errors.map((e) => (
                        <TableRow key={e.row} data-testid="import-error-row">
                          <TableCell className="font-mono text-xs">{e.row}</TableCell>
                          <TableCell className="text-sm">{e.error}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
                {result.failed > result.errors.length ? (
                  <p className="text-xs text-muted-foreground">{t("contacts.import.moreErrors", { count: format.number(result.failed - result.errors.length) })}</p>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">{t("contacts.import.noErrors")}</p>
            )}
            <DialogFooter>
              <Button variant="outline" onClick={startOver}>
                {t("contacts.import.another")}
              </Button>
              <Button onClick={() => onOpenChange(false)}>{t("contacts.import.done")}</Button>
            </DialogFooter>
          </div>
        ) : preview ? (
          <div className="grid gap-4">
            <FormError message={importCsv.error ? errorMessage(importCsv.error, t) : null} />
            <ImportCsvPreview rows={preview.rows} errors={preview.errors} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setPreview(null)} disabled={busy}>
                {t("common.back")}
              </Button>
              <Button type="button" loading={busy} disabled={preview.rows.length === 0} onClick={() => importCsv.mutate({ csv: preview.csv })}>
                {busy ? null : <Upload aria-hidden />}
                {plural("contacts.import.confirm", preview.rows.length)}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={(e) => void onSubmit(e)} noValidate className="grid gap-4">
            <FormError message={importCsv.error ? errorMessage(importCsv.error, t) : null} />
            <FormField id="import-file" label={t("contacts.import.file")} error={fileError} hint={t("contacts.import.fileHint")}>
              <div
                className={cn("flex min-w-0 items-center gap-3 rounded-md border border-input bg-card p-1 shadow-xs", fileError && "border-destructive")}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const dropped = e.dataTransfer.files[0];
                  if (dropped) pick(dropped);
                }}
              >
                <Button type="button" variant="secondary" size="sm" onClick={() => inputRef.current?.click()}>
                  {t("contacts.import.choose")}
                </Button>
                <span className="min-w-0 flex-1 truncate text-sm text-muted-foreground" data-testid="import-file-name">
                  {file ? t("contacts.import.chosen", { name: file.name, size: format.number(Math.max(1, Math.ceil(file.size / 1024))) }) : t("contacts.import.noFile")}
                </span>
              </div>
              <input
                ref={inputRef}
                id="import-file"
                type="file"
                accept=".csv,text/csv,text/plain"
                className="sr-only"
                tabIndex={-1}
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  if (chosen) pick(chosen);
                  e.target.value = "";
                }}
                aria-invalid={Boolean(fileError)}
                aria-describedby={fieldDescribedBy("import-file", fileError, t("contacts.import.fileHint"))}
              />
            </FormField>
            <div className="grid gap-1.5">
              <p className="text-xs font-medium text-muted-foreground">{t("contacts.import.example")}</p>
              <pre className="overflow-x-auto rounded-md bg-muted/60 px-3 py-2 font-mono text-xs">{EXAMPLE}</pre>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={busy}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t("contacts.import.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: string; testId: string }) {
  return (
    <div className="rounded-lg border px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("text-xl font-semibold tabular-nums", tone)} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
