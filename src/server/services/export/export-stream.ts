import { stringify } from "csv-stringify/sync";
import { escapeFormula } from "@/lib/csv/formula";

export type ExportFormat = "csv" | "json";
export type ExportValue = string | number | boolean | null | Date;
export type ExportRecord = Record<string, ExportValue>;

export interface ExportSource<Row, Cursor> {
  columns: readonly string[];
  /** One page after `cursor` (undefined = the start), and the cursor of its last row. */
  page(cursor: Cursor | undefined, size: number): Promise<{ rows: Row[]; next: Cursor | undefined }>;
  toRecord(row: Row): ExportRecord;
  /** How many rows the export will have (for the download's progress bar). */
  count(): Promise<number>;
}

function csvCell(value: ExportValue): string | number | boolean {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  // Every text cell: a name, a message or a phone number could start with = + - @ and run as a formula.
  return typeof value === "string" ? escapeFormula(value) : value;
}

function jsonValue(value: ExportValue): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Streams a source as CSV (UTF-8 BOM, header, formula-safe cells) or JSON (an array, one row per line). A page is
 * read only when the consumer pulls (highWaterMark 0): a slow download slows the queries instead of filling memory,
 * and a cancelled download stops them. `onRows` reports progress (rows written so far).
 */
export function exportStream<Row, Cursor>(
  source: ExportSource<Row, Cursor>,
  format: ExportFormat,
  opts: { pageSize?: number; onDone?: (rows: number) => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pageSize = opts.pageSize ?? 2_000;
  let cursor: Cursor | undefined;
  let written = 0;
  let started = false;
  const header = () => (format === "csv" ? stringify([], { header: true, bom: true, columns: [...source.columns] }) : "[");
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { rows, next } = await source.page(cursor, pageSize);
        let chunk = started ? "" : header();
        started = true;
        if (rows.length > 0) {
          if (format === "csv") {
            chunk += stringify(
              rows.map((row) => {
                const record = source.toRecord(row);
                return source.columns.map((c) => csvCell(record[c] ?? null));
              }),
            );
          } else {
            chunk += rows
              .map((row, i) => {
                const record = source.toRecord(row);
                const plain = Object.fromEntries(source.columns.map((c) => [c, jsonValue(record[c] ?? null)]));
                return `${written + i === 0 ? "\n" : ",\n"}${JSON.stringify(plain)}`;
              })
              .join("");
          }
          written += rows.length;
        }
        const done = next === undefined || rows.length < pageSize;
        if (done && format === "json") chunk += "\n]\n";
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) {
          controller.close();
          opts.onDone?.(written);
        } else {
          cursor = next;
        }
      },
    },
    { highWaterMark: 0 },
  );
}
