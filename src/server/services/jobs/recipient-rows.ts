import { parse } from "csv-parse/sync";
import { templatePlaceholders } from "@/lib/render-template";
import { AppError } from "../../errors";
import { db } from "../../db";

/** One recipient as the user gave it, before validation. `row` is the line (paste) or file row (CSV, header = 1). */
export interface RecipientRow {
  row: number;
  phone: string;
  name: string | null;
  variables: Record<string, string>;
}

export type RecipientSource =
  | { source: "paste"; text: string }
  | { source: "csv"; csv: string; phoneColumn: string; nameColumn?: string; variableColumns: Record<string, string> }
  | { source: "tags"; tagIds: number[] };

/** Placeholders filled from a pasted line's extra fields, in order ("name" comes from the second field). */
function positionalNames(body: string): string[] {
  return templatePlaceholders(body).filter((name) => name !== "name");
}

function parseCsv(text: string, options: { columns: boolean; info: boolean }): unknown[] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, delimiter: [",", ";", "\t"], ...options });
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The list could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `number[,name[,value…]]` per line; values fill the message's placeholders in the order they first appear. */
function pastedRows(text: string, body: string): RecipientRow[] {
  const names = positionalNames(body);
  const records = parseCsv(text, { columns: false, info: true }) as Array<{ record: string[]; info: { lines: number } }>;
  return records.map(({ record, info }) => {
    const [phone = "", name = "", ...values] = record;
    const variables: Record<string, string> = {};
    names.forEach((placeholder, i) => {
      const value = values[i];
      if (value !== undefined && value !== "") variables[placeholder] = value;
    });
    return { row: info.lines, phone, name: name || null, variables };
  });
}

/** A CSV with a header row; the user maps its columns to the phone, the name and each placeholder. */
function csvRows(input: Extract<RecipientSource, { source: "csv" }>): RecipientRow[] {
  const records = parseCsv(input.csv, { columns: true, info: false }) as Array<Record<string, string | undefined>>;
  const header = records[0] ? Object.keys(records[0]) : [];
  const mapped = [input.phoneColumn, ...(input.nameColumn ? [input.nameColumn] : []), ...Object.values(input.variableColumns)];
  const unknown = mapped.filter((column) => records.length > 0 && !header.includes(column));
  if (unknown.length > 0) throw new AppError("INVALID_INPUT", `The file has no column named ${unknown.map((c) => `"${c}"`).join(", ")}`);
  return records.map((record, index) => {
    const variables: Record<string, string> = {};
    for (const [placeholder, column] of Object.entries(input.variableColumns)) {
      const value = record[column];
      if (value !== undefined && value !== "") variables[placeholder] = value;
    }
    const name = input.nameColumn ? record[input.nameColumn] || null : null;
    return { row: index + 2, phone: record[input.phoneColumn] ?? "", name, variables };
  });
}

/** The owner's contacts carrying any of the tags (another user's tag ids match nothing). */
async function taggedRows(ownerId: number, tagIds: number[]): Promise<RecipientRow[]> {
  const contacts = await db().contact.findMany({
    where: { ownerId, tags: { some: { tagId: { in: tagIds }, tag: { ownerId } } } },
    select: { name: true, phone: true },
    orderBy: { id: "asc" },
  });
  return contacts.map((c, index) => ({ row: index + 1, phone: c.phone, name: c.name, variables: {} }));
}

/** The recipients of a blast as rows, from whichever source the user chose. */
export function recipientRows(input: RecipientSource, body: string, ownerId: number): Promise<RecipientRow[]> | RecipientRow[] {
  switch (input.source) {
    case "paste":
      return pastedRows(input.text, body);
    case "csv":
      return csvRows(input);
    case "tags":
      return taggedRows(ownerId, input.tagIds);
  }
}
