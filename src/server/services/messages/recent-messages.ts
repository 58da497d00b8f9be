import type { Actor } from "../../authz/actor";
import { ownedByActor } from "../../authz/where";
import { db } from "../../db";
import { withChatNames } from "../chat/display-names";
import { messageSelect } from "./message-select";

/** The latest messages across the caller's devices (every device for admins), for the dashboard. */
export async function recentMessages(input: { actor: Actor; limit: number }) {
  const items = await db().message.findMany({
    where: ownedByActor(input.actor),
    // Users: (ownerId, timestamp) index. Admins: the primary key, which follows arrival order.
    orderBy: input.actor.role === "admin" ? [{ id: "desc" }] : [{ timestamp: "desc" }, { id: "desc" }],
    take: input.limit,
    select: messageSelect,
  });
  return { items: await withChatNames(items) };
}
