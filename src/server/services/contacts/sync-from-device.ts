import { db } from "../../db";
import type { ServiceCall } from "../devices/types";
import { recordOwnedChange } from "./record-change";
import { whatsAppAddressBook } from "./whatsapp-address-book";

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const SYNC_LIMIT = 50_000;
const CHUNK = 1_000;

/**
 * Saves the device's WhatsApp address book into its owner's contacts. New numbers are created (named by push
 * name, else by number); a saved contact is only renamed while its name is still just its number, so names the
 * user typed always win.
 */
export async function syncContactsFromDevice(input: ServiceCall & { device: { id: number; deviceId: string; ownerId: number } }): Promise<SyncCounts> {
  const { ownerId } = input.device;
  const book = await whatsAppAddressBook(input.device.id, SYNC_LIMIT);
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
  await db().$transaction(
    async (tx) => {
      for (let i = 0; i < book.length; i += CHUNK) {
        const chunk = book.slice(i, i + CHUNK);
        const existing = await tx.contact.findMany({
          where: { ownerId, phone: { in: chunk.map((e) => e.phone) } },
          select: { id: true, name: true, phone: true, jid: true },
        });
        const byPhone = new Map(existing.map((c) => [c.phone, c]));
        const fresh = chunk.filter((e) => !byPhone.has(e.phone));
        if (fresh.length > 0) {
          const { count } = await tx.contact.createMany({
            data: fresh.map((e) => ({ ownerId, phone: e.phone, jid: e.jid, name: e.pushName ?? e.phone })),
            skipDuplicates: true,
          });
          counts.created += count;
        }
        for (const entry of chunk) {
          const saved = byPhone.get(entry.phone);
          if (!saved) continue;
          const name = saved.name === saved.phone && entry.pushName ? entry.pushName : saved.name;
          if (name === saved.name && saved.jid === entry.jid) {
            counts.unchanged += 1;
            continue;
          }
          await tx.contact.update({ where: { id: saved.id, ownerId }, data: { name, jid: entry.jid } });
          counts.updated += 1;
        }
      }
    },
    { timeout: 120_000 },
  );
  if (counts.created + counts.updated > 0) {
    await recordOwnedChange({
      ...input,
      ownerId,
      action: "contact.syncFromDevice",
      targetType: "contact",
      details: { deviceId: input.device.deviceId, ...counts },
    });
  }
  return counts;
}
