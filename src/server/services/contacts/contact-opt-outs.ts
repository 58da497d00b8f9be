import { db } from "../../db";
import type { ContactView } from "./contact-select";

/** A contact's opt-out, when their number is on their owner's opt-out list. */
export interface ContactOptOut {
  id: number;
  createdAt: Date;
  keyword: string | null;
  device: { deviceId: string; deviceName: string } | null;
}

export type ContactWithOptOut = ContactView & { optOut: ContactOptOut | null };

/** Marks each contact with its owner's opt-out of the same number, in one query for the page. */
export async function withOptOuts(contacts: ContactView[]): Promise<ContactWithOptOut[]> {
  if (contacts.length === 0) return [];
  const byOwner = new Map<number, string[]>();
  for (const c of contacts) byOwner.set(c.ownerId, [...(byOwner.get(c.ownerId) ?? []), c.phone]);
  const rows = await db().optOut.findMany({
    where: { OR: [...byOwner].map(([ownerId, phones]) => ({ ownerId, phone: { in: phones } })) },
    select: { id: true, ownerId: true, phone: true, createdAt: true, keyword: true, device: { select: { deviceId: true, deviceName: true } } },
  });
  const found = new Map(rows.map(({ ownerId, phone, ...optOut }) => [`${ownerId}:${phone}`, optOut]));
  return contacts.map((c) => ({ ...c, optOut: found.get(`${c.ownerId}:${c.phone}`) ?? null }));
}
