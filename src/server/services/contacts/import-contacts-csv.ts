import type { Prisma } from "@/generated/prisma/client";
import { parseContactsCsv, type ContactCsvRow, type ContactCsvRowError } from "@/lib/csv/contacts-csv";
import { toJid } from "@/lib/phone";
import { AppError } from "../../errors";
import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { recordOwnedChange } from "./record-change";
import { resolveTagIds } from "./resolve-tags";

/** How many row errors the report carries; `failed` always counts them all. */
export const REPORTED_ERRORS_MAX = 1_000;
const CHUNK = 1_000;

export interface ImportReport {
  /** Data rows in the file (blank lines not counted). */
  total: number;
  created: number;
  /** Rows whose number matched a saved contact, which was updated instead of duplicated. */
  updated: number;
  failed: number;
  /** The first REPORTED_ERRORS_MAX bad rows, in file order. */
  errors: ContactCsvRowError[];
}

/**
 * Upserts the file's good rows by (owner, phone) in one transaction and reports every bad row. A matched contact
 * takes the row's name and notes when the row has them, and gains its tags (an import never removes tags).
 * Unknown tags are created. A file whose every row fails writes nothing.
 */
export async function importContactsCsv(input: ServiceCall & { csv: string }): Promise<ImportReport> {
  const parsed = parseContactsCsv(input.csv);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.error);
  const { rows, errors, total } = parsed;
  const report = (created: number, updated: number): ImportReport => ({
    total,
    created,
    updated,
    failed: errors.length,
    errors: errors.slice(0, REPORTED_ERRORS_MAX),
  });
  if (rows.length === 0) return report(0, 0);

  const ownerId = input.actor.id;
  const { created, updated } = await db().$transaction((tx) => upsertRows(tx, ownerId, rows), { timeout: 120_000, maxWait: 10_000 });
  await recordOwnedChange({
    ...input,
    ownerId,
    action: "contact.importCsv",
    targetType: "contact",
    details: { total, created, updated, failed: errors.length },
  });
  return report(created, updated);
}

async function upsertRows(tx: Prisma.TransactionClient, ownerId: number, rows: ContactCsvRow[]): Promise<{ created: number; updated: number }> {
  const tagIds = await resolveTagIds(tx, ownerId, rows.flatMap((r) => r.tags));
  let created = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const phones = chunk.map((r) => r.phone);
    const existing = await tx.contact.findMany({ where: { ownerId, phone: { in: phones } }, select: { id: true, phone: true, name: true, notes: true } });
    const byPhone = new Map(existing.map((c) => [c.phone, c]));
    const fresh = chunk.filter((r) => !byPhone.has(r.phone));
    if (fresh.length > 0) {
      await tx.contact.createMany({
        data: fresh.map((r) => ({ ownerId, name: r.name ?? r.phone, phone: r.phone, jid: toJid(r.phone), notes: r.notes })),
      });
      created += fresh.length;
    }
    for (const row of chunk) {
      const saved = byPhone.get(row.phone);
      if (!saved) continue;
      updated += 1;
      const name = row.name ?? saved.name;
      const notes = row.notes ?? saved.notes;
      if (name !== saved.name || notes !== saved.notes) await tx.contact.update({ where: { id: saved.id, ownerId }, data: { name, notes } });
    }
    const tagged = chunk.filter((r) => r.tags.length > 0);
    if (tagged.length === 0) continue;
    const ids = await tx.contact.findMany({ where: { ownerId, phone: { in: tagged.map((r) => r.phone) } }, select: { id: true, phone: true } });
    const idOf = new Map(ids.map((c) => [c.phone, c.id]));
    const links = tagged.flatMap((r) => r.tags.map((tag) => ({ contactId: idOf.get(r.phone), tagId: tagIds.get(tag.toLowerCase()) })));
    await tx.contactTag.createMany({
      data: links.filter((l): l is { contactId: number; tagId: number } => l.contactId !== undefined && l.tagId !== undefined),
      skipDuplicates: true,
    });
  }
  return { created, updated };
}
