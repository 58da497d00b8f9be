"use client";

import { ArrowRight } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT, usePlural } from "@/i18n/provider";
import type { ContactCsvRow, ContactCsvRowError } from "@/lib/csv/contacts-csv";
import { formatPhone } from "@/lib/phone";

const PREVIEW_ROWS = 100;

/** Before importing: every number as the file writes it and as it will be saved, and the rows that will fail. */
export function ImportCsvPreview({ rows, errors }: { rows: ContactCsvRow[]; errors: ContactCsvRowError[] }) {
  const t = useT();
  const plural = usePlural();
  const format = useFormat();
  return (
    <div className="grid gap-3" data-testid="import-preview">
      <p className="text-sm">
        {t("contacts.import.previewSummary", { ready: format.number(rows.length), failing: format.number(errors.length) })}
      </p>
      {rows.length > 0 ? (
        <div className="max-h-72 overflow-y-auto rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-14">{t("contacts.import.row")}</TableHead>
                <TableHead>{t("contacts.import.asWritten")}</TableHead>
                <TableHead>{t("contacts.import.savedAs")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("contacts.name")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.slice(0, PREVIEW_ROWS).map((row) => (
                <TableRow key={row.row} data-testid="import-preview-row">
                  <TableCell className="font-mono text-xs">{row.row}</TableCell>
                  <TableCell className="font-mono text-xs break-all">{row.phoneAsWritten}</TableCell>
                  <TableCell className="text-sm font-medium whitespace-nowrap">
                    <ArrowRight className="mr-1 inline size-3 text-muted-foreground" aria-hidden />
                    {formatPhone(row.phone)}
                  </TableCell>
                  <TableCell className="hidden text-sm sm:table-cell">{row.name ?? t("common.none")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {rows.length > PREVIEW_ROWS ? (
        <p className="text-xs text-muted-foreground">{plural("contacts.import.previewMore", rows.length - PREVIEW_ROWS)}</p>
      ) : null}
      {errors.length > 0 ? (
        <ul className="grid max-h-40 gap-1 overflow-y-auto rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm">
          {errors.slice(0, PREVIEW_ROWS).map((e) => (
            <li key={e.row} data-testid="import-preview-error">
              <span className="font-mono text-xs">{t("contacts.import.rowNumber", { row: e.row })}</span> {e.error}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
