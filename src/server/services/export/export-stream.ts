import { stringify } from "csv-stringify/sync";
import { csvRow } from "@/lib/csv/csv-row";

export type ExportFormat = "csv" | "json";
export type ExportValue = string | number | boolean | null | Date;

export interface ExportSource<Row, Cursor> {
  columns: readonly string[];
  /** One page after `cursor` (undefined = the start), and the cursor of its last row. */
  page(cursor: Cursor | undefined, size: number): Promise<{ rows: Row[]; next: Cursor | undefined }>;
  /** The row's values in `columns` order (an array, not a record: no per-row object at a million rows). */
  toCells(row: Row): ExportValue[];
  /** How many rows the export will have (for the download's progress bar). */
  count(): Promise<number>;
}

type Page<Row, Cursor> = Awaited<ReturnType<ExportSource<Row, Cursor>["page"]>>;

function csvLines<Row>(source: ExportSource<Row, unknown>, rows: Row[]): string {
  let out = "";
  for (const row of rows) out += csvRow(source.toCells(row));
  return out;
}

/** One JSON object per row, keys in column order; the keys' JSON text is built once per export. */
function jsonLines<Row>(source: ExportSource<Row, unknown>, keys: string[], rows: Row[], first: boolean): string {
  let out = "";
  for (let r = 0; r < rows.length; r++) {
    const cells = source.toCells(rows[r]!);
    out += first && r === 0 ? "\n" : ",\n";
    for (let c = 0; c < keys.length; c++) {
      const value = cells[c] ?? null;
      out += keys[c] + JSON.stringify(value instanceof Date ? value.toISOString() : value);
    }
    out += "}";
  }
  return out;
}

/**
 * Streams a source as CSV (UTF-8 BOM, header, formula-safe cells) or JSON (an array, one row per line). A page is
 * read only when the consumer pulls (highWaterMark 0), plus one page read ahead while the current one is encoded, so
 * the database and the encoding overlap: a slow download slows the queries instead of filling memory (at most two
 * pages are held), and a cancelled download stops them. `onDone` reports the rows written.
 */
export function exportStream<Row, Cursor>(
  source: ExportSource<Row, Cursor>,
  format: ExportFormat,
  opts: { pageSize?: number; onDone?: (rows: number) => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pageSize = opts.pageSize ?? 2_000;
  const jsonKeys = source.columns.map((c, i) => `${i === 0 ? "{" : ","}${JSON.stringify(c)}:`);
  let ahead: Promise<Page<Row, Cursor>> | undefined;
  let written = 0;
  let started = false;
  const header = () => (format === "csv" ? stringify([], { header: true, bom: true, columns: [...source.columns] }) : "[");
  const fetch = (cursor: Cursor | undefined): Promise<Page<Row, Cursor>> => {
    const page = source.page(cursor, pageSize);
    // Awaited by the next pull; a cancelled download never awaits it, so its failure must not surface as unhandled.
    page.catch(() => undefined);
    return page;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { rows, next } = await (ahead ?? fetch(undefined));
        const done = next === undefined || rows.length < pageSize;
        ahead = done ? undefined : fetch(next);
        let chunk = started ? "" : header();
        started = true;
        if (rows.length > 0) {
          chunk += format === "csv" ? csvLines(source, rows) : jsonLines(source, jsonKeys, rows, written === 0);
          written += rows.length;
        }
        if (done && format === "json") chunk += "\n]\n";
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) {
          controller.close();
          opts.onDone?.(written);
        }
      },
    },
    { highWaterMark: 0 },
  );
}
