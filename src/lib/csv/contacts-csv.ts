import { parse } from "csv-parse/sync";
import { parsePhone } from "../phone";
import { unescapeFormula } from "./formula";

export const CONTACT_NAME_MAX = 100;
export const CONTACT_NOTES_MAX = 2_000;
export const TAG_NAME_MAX = 64;
export const TAGS_PER_CONTACT_MAX = 20;
export const CSV_ROWS_MAX = 50_000;

export interface ContactCsvRow {
  /** Line of the file where the row starts (the header is line 1), as a spreadsheet numbers rows. */
  row: number;
  /** Null when the file has no name for the row. */
  name: string | null;
  /** E.164. */
  phone: string;
  /** The phone cell as the file has it, so a preview can show how it was read. */
  phoneAsWritten: string;
  /** Distinct tag names (case-insensitively), as first written. */
  tags: string[];
  notes: string | null;
}

export interface ContactCsvRowError {
  row: number;
  error: string;
}

export type ContactCsvParse =
  | { ok: true; rows: ContactCsvRow[]; errors: ContactCsvRowError[]; total: number }
  | { ok: false; error: string };

type Columns = { phone: number; name?: number; tags?: number; notes?: number };

/** Comma by default; semicolon or tab when the header uses it and has no comma (spreadsheets in many locales). */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(",")) return ",";
  if (header.includes(";")) return ";";
  if (header.includes("\t")) return "\t";
  return ",";
}

function columnsOf(header: string[]): Columns | string {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase().replace(/^\uFEFF/, ""), i]));
  const phone = index.get("phone");
  if (phone === undefined) return `The first row must name the columns, with at least "phone" (known columns: name, phone, tags, notes)`;
  return { phone, name: index.get("name"), tags: index.get("tags"), notes: index.get("notes") };
}

function cell(record: string[], at: number | undefined): string {
  return at === undefined ? "" : unescapeFormula((record[at] ?? "").trim());
}

function parseTags(raw: string): string[] | string {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(";")) {
    const tag = unescapeFormula(part.trim());
    if (!tag) continue;
    if (tag.length > TAG_NAME_MAX) return `The tag "${tag.slice(0, 30)}…" is longer than ${TAG_NAME_MAX} characters`;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > TAGS_PER_CONTACT_MAX) return `A contact can have at most ${TAGS_PER_CONTACT_MAX} tags`;
  return tags;
}

/**
 * Reads a contacts CSV (columns name, phone, tags separated by ";", notes; header required, any order, extra
 * columns ignored) and validates every row: the good rows, and for each bad one its row number and the reason.
 * A later row with the same number as an earlier good row is an error, so no row silently overrides another.
 */
export function parseContactsCsv(text: string, callingCode?: string): ContactCsvParse {
  const records: Array<{ record: string[]; lines: number }> = [];
  try {
    parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        records.push({ record, lines: context.lines });
        return null;
      },
    });
  } catch (error) {
    return { ok: false, error: `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: "The file is empty" };
  const columns = columnsOf(header.record);
  if (typeof columns === "string") return { ok: false, error: columns };
  const data = body.filter(({ record }) => record.some((value) => value.trim() !== ""));
  if (data.length === 0) return { ok: false, error: "The file has no contacts below its header row" };
  if (data.length > CSV_ROWS_MAX) return { ok: false, error: `A file can hold at most ${CSV_ROWS_MAX} contacts; this one has ${data.length}. Split it and import the parts` };

  const rows: ContactCsvRow[] = [];
  const errors: ContactCsvRowError[] = [];
  const firstRowOfPhone = new Map<string, number>();
  for (const { record, lines } of data) {
    // `lines` is where the record ends; a quoted field may span lines, and the row is where it starts.
    const row = lines - (record.join("").match(/\n/g)?.length ?? 0);
    const fail = (error: string) => errors.push({ row, error });
    const phoneAsWritten = cell(record, columns.phone);
    const phone = parsePhone(phoneAsWritten, callingCode);
    if (!phone.ok) {
      fail(phone.error);
      continue;
    }
    const name = cell(record, columns.name);
    if (name.length > CONTACT_NAME_MAX) {
      fail(`The name is longer than ${CONTACT_NAME_MAX} characters`);
      continue;
    }
    const notes = cell(record, columns.notes);
    if (notes.length > CONTACT_NOTES_MAX) {
      fail(`The notes are longer than ${CONTACT_NOTES_MAX} characters`);
      continue;
    }
    const tags = parseTags(columns.tags === undefined ? "" : (record[columns.tags] ?? ""));
    if (typeof tags === "string") {
      fail(tags);
      continue;
    }
    const earlier = firstRowOfPhone.get(phone.e164);
    if (earlier !== undefined) {
      fail(`${phone.e164} is already on row ${earlier}`);
      continue;
    }
    firstRowOfPhone.set(phone.e164, row);
    rows.push({ row, name: name || null, phone: phone.e164, phoneAsWritten, tags, notes: notes || null });
  }
  return { ok: true, rows, errors, total: data.length };
}
