import { escapeFormula } from "./formula";

export type CsvCell = string | number | boolean | null | Date;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV line (RFC 4180, "\n"-terminated), formula-safe, cast as csv-stringify casts (booleans 1/empty, dates ISO).
 * Written by hand because csv-stringify's per-record pipeline caps a million-row export near 30k rows/s on this
 * machine, below the export's goal; the header and BOM still come from csv-stringify.
 */
export function csvRow(cells: readonly CsvCell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    line += csvField(cells[i] ?? null);
  }
  return `${line}\n`;
}

function csvField(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "1" : "";
  if (typeof value === "number") return String(value);
  // Every text cell: a name, a message or a phone number could start with = + - @ and run as a formula.
  const text = value instanceof Date ? value.toISOString() : escapeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
