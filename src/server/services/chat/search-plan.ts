import { Prisma } from "@/generated/prisma/client";
import type { MessageDirection } from "@/generated/prisma/enums";
import type { Keyset } from "./cursor";
import { GROUP_JID_SUFFIX } from "./chat-jid";
import type { ContactFilter } from "./resolve-contact-filter";

/** Where the search walks: decided from the filters, named explicitly so the plan cannot drift. */
export type SearchScope =
  | { kind: "device"; deviceId: number }
  | { kind: "devices"; deviceIds: number[] }
  | { kind: "owner"; ownerId: number }
  | { kind: "all"; direction: MessageDirection };

export interface SearchFilters {
  contact?: ContactFilter;
  excludeGroups: boolean;
  start?: Date;
  end?: Date;
  text?: string;
  direction?: MessageDirection;
  after?: Keyset;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, "\\$&");

/**
 * The index each scope walks in (timestamp DESC, id DESC) order. The hint matters: with a non-covering select and
 * an equality prefix, MariaDB prefers `ref` on the prefix over the (prefix, timestamp) range and then reads every
 * newer row before a deep cursor — the hint keeps the keyset a range, so every page costs about the same.
 */
function indexFor(scope: SearchScope, exactChats: boolean): Prisma.Sql {
  if ((scope.kind === "device" || scope.kind === "devices") && exactChats) return Prisma.raw("Message_deviceId_chatJid_timestamp_idx");
  if (scope.kind === "device") return Prisma.raw("Message_deviceId_timestamp_idx");
  if (scope.kind === "devices") return Prisma.raw("Message_deviceId_chatJid_timestamp_idx");
  if (scope.kind === "owner") return Prisma.raw("Message_ownerId_timestamp_idx");
  return Prisma.raw("Message_direction_timestamp_idx");
}

/** One page of matching ids (plus one, to know whether there is a next page) for one scope. */
export function searchIdsQuery(scope: SearchScope, filters: SearchFilters, take: number): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  if (scope.kind === "device") where.push(Prisma.sql`deviceId = ${scope.deviceId}`);
  if (scope.kind === "devices") where.push(Prisma.sql`deviceId IN (${Prisma.join(scope.deviceIds)})`);
  if (scope.kind === "owner") where.push(Prisma.sql`ownerId = ${scope.ownerId}`);
  if (scope.kind === "all") where.push(Prisma.sql`direction = ${scope.direction}`);
  const contact = filters.contact;
  if (contact?.kind === "chats") where.push(Prisma.sql`chatJid IN (${Prisma.join(contact.chatJids)})`);
  if (contact?.kind === "digits") where.push(Prisma.sql`chatJid LIKE ${`%${escapeLike(contact.digits)}%`}`);
  if (filters.excludeGroups) where.push(Prisma.sql`chatJid NOT LIKE ${`%${GROUP_JID_SUFFIX}`}`);
  if (filters.direction && scope.kind !== "all") where.push(Prisma.sql`direction = ${filters.direction}`);
  if (filters.start) where.push(Prisma.sql`\`timestamp\` >= ${filters.start}`);
  if (filters.end) where.push(Prisma.sql`\`timestamp\` < ${filters.end}`);
  if (filters.text) where.push(Prisma.sql`content LIKE ${`%${escapeLike(filters.text)}%`}`);
  if (filters.after) {
    const { at, id } = filters.after;
    where.push(Prisma.sql`\`timestamp\` <= ${at} AND (\`timestamp\` < ${at} OR id < ${id})`);
  }
  return Prisma.sql`SELECT id, \`timestamp\` FROM Message FORCE INDEX (${indexFor(scope, contact?.kind === "chats")})
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY \`timestamp\` DESC, id DESC LIMIT ${take}`;
}
