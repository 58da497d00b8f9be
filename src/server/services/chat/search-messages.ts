import type { Prisma } from "@/generated/prisma/client";
import type { MessageDirection } from "@/generated/prisma/enums";
import { AppError } from "../../errors";
import { db } from "../../db";
import { ownedDeviceWhere } from "../../authz/where";
import type { Actor } from "../../authz/actor";
import { chatMessageSelect } from "./chat-message-select";
import { decodeCursor, toPage } from "./cursor";
import { withChatNames } from "./display-names";
import { dayRange } from "./day-range";
import { resolveContactFilter } from "./resolve-contact-filter";
import { searchIdsQuery, type SearchFilters, type SearchScope } from "./search-plan";

export interface SearchMessagesInput {
  actor: Actor;
  deviceId?: string;
  /** YYYY-MM-DD, inclusive, in `timezone`. */
  from?: string;
  to?: string;
  timezone: string;
  contact?: string;
  /** Part of the message text (a LIKE scan within the other filters). */
  text?: string;
  direction?: MessageDirection;
  cursor?: string;
  limit: number;
}

const searchSelect = {
  ...chatMessageSelect,
  ownerId: true,
  device: { select: { deviceId: true, deviceName: true } },
} as const satisfies Prisma.MessageSelect;

export type FoundMessage = Prisma.MessageGetPayload<{ select: typeof searchSelect }> & { chatName: string | null; chatNameSaved: boolean };

const ORDER: Prisma.MessageOrderByWithRelationInput[] = [{ timestamp: "desc" }, { id: "desc" }];

/**
 * Messages across the caller's devices (every device for admins), newest first, keyset-paged on (timestamp, id).
 * Ids come from an index walked in order that stops at the page (see search-plan.ts): a device → Message(deviceId,
 * timestamp), or Message(deviceId, chatJid, timestamp) for exact chats; a user's devices → Message(ownerId, timestamp);
 * everything (admin) → one stream per direction over Message(direction, timestamp), merged here, since no index sorts
 * the whole table by timestamp. The rows themselves are then read by primary key.
 */
export async function searchMessages(input: SearchMessagesInput): Promise<{ items: FoundMessage[]; nextCursor: string | null }> {
  const prisma = db();
  const isAdmin = input.actor.role === "admin";
  let device: { id: number; ownerId: number } | null = null;
  if (input.deviceId !== undefined) {
    device = await prisma.device.findFirst({ where: ownedDeviceWhere(input.actor, input.deviceId), select: { id: true, ownerId: true } });
    if (!device) throw new AppError("NOT_FOUND", "Device not found");
  }
  const contact = input.contact ? await resolveContactFilter(input.contact, device?.ownerId ?? (isAdmin ? undefined : input.actor.id)) : undefined;
  if (contact?.kind === "none") return { items: [], nextCursor: null };

  let scopes: SearchScope[];
  if (device) scopes = [{ kind: "device", deviceId: device.id }];
  else if (!isAdmin && contact?.kind === "chats") {
    // Naming the caller's devices lets exact chats use Message(deviceId, chatJid, timestamp) instead of the owner's whole history.
    const own = await prisma.device.findMany({ where: { ownerId: input.actor.id }, select: { id: true } });
    if (own.length === 0) return { items: [], nextCursor: null };
    scopes = [{ kind: "devices", deviceIds: own.map((d) => d.id) }];
  } else if (!isAdmin) scopes = [{ kind: "owner", ownerId: input.actor.id }];
  else scopes = (input.direction ? [input.direction] : (["incoming", "outgoing"] as const)).map((direction) => ({ kind: "all", direction }));

  const filters: SearchFilters = {
    contact,
    excludeGroups: !isAdmin,
    start: input.from ? dayRange(input.from, input.timezone).start : undefined,
    end: input.to ? dayRange(input.to, input.timezone).end : undefined,
    text: input.text,
    direction: input.direction,
    after: decodeCursor(input.cursor),
  };
  const found = await Promise.all(scopes.map((scope) => prisma.$queryRaw<Array<{ id: number; timestamp: Date }>>(searchIdsQuery(scope, filters, input.limit + 1))));
  const keys = found
    .flat()
    .map((row) => ({ id: Number(row.id), timestamp: row.timestamp }))
    .sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || b.id - a.id);
  const page = toPage(keys, input.limit);
  const rows = await prisma.message.findMany({ where: { id: { in: page.items.map((k) => k.id) } }, select: searchSelect, orderBy: ORDER });
  return { items: await withChatNames(rows), nextCursor: page.nextCursor };
}
