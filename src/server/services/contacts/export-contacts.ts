import { stringify } from "csv-stringify/sync";
import type { Prisma } from "@/generated/prisma/client";
import { escapeFormula } from "@/lib/csv/formula";
import { db } from "../../db";
import { contactFilterWhere, type ContactFilter } from "./contact-where";

/** Columns of the export; name, phone, tags and notes import back through contact.importCsv. */
export const CONTACT_CSV_COLUMNS = ["name", "phone", "tags", "notes", "createdAt"] as const;

const exportSelect = {
  id: true,
  name: true,
  phone: true,
  notes: true,
  createdAt: true,
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const satisfies Prisma.ContactSelect;

type ExportRow = Prisma.ContactGetPayload<{ select: typeof exportSelect }>;

function toRecord(row: ExportRow): string[] {
  return [
    escapeFormula(row.name),
    row.phone,
    escapeFormula(row.tags.map((t) => t.tag.name).join(";")),
    escapeFormula(row.notes ?? ""),
    row.createdAt.toISOString(),
  ];
}

/**
 * The owner's contacts as CSV, produced one keyset page at a time only when the reader asks for more (pull), so
 * memory stays flat whatever the number of contacts and a slow client slows the queries instead of piling up rows.
 * Starts with a UTF-8 BOM so spreadsheet programs read names in any script correctly.
 */
export function contactsCsvStream(opts: { ownerId: number; filter?: ContactFilter; pageSize?: number }): ReadableStream<Uint8Array> {
  const where = contactFilterWhere(opts.ownerId, opts.filter ?? {});
  const pageSize = opts.pageSize ?? 1_000;
  const encoder = new TextEncoder();
  let afterId = 0;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await db().contact.findMany({
          where: { AND: [where, { id: { gt: afterId } }] },
          select: exportSelect,
          orderBy: { id: "asc" },
          take: pageSize,
        });
        const csv = stringify(rows.map(toRecord), { header: first, bom: first, columns: [...CONTACT_CSV_COLUMNS] });
        first = false;
        if (csv) controller.enqueue(encoder.encode(csv));
        const last = rows[rows.length - 1];
        if (!last || rows.length < pageSize) controller.close();
        else afterId = last.id;
      },
    },
    { highWaterMark: 0 },
  );
}
