import type { WebhookDeliveryStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { endpointSelect, toEndpointView, type WebhookEndpointView } from "./endpoint-view";

export interface EndpointListItem extends WebhookEndpointView {
  lastDelivery: { status: WebhookDeliveryStatus; createdAt: Date; responseStatus: number | null } | null;
}

/** The owner's endpoints, newest first, each with its latest delivery (one query for all of them). */
export async function listEndpoints(ownerId: number): Promise<EndpointListItem[]> {
  const rows = await db().webhookEndpoint.findMany({ where: { ownerId }, select: endpointSelect, orderBy: { id: "desc" }, take: 200 });
  if (rows.length === 0) return [];
  const latestIds = await db().webhookDelivery.groupBy({ by: ["endpointId"], where: { endpointId: { in: rows.map((r) => r.id) } }, _max: { id: true } });
  const latest = await db().webhookDelivery.findMany({
    where: { id: { in: latestIds.flatMap((l) => (l._max.id === null ? [] : [l._max.id])) } },
    select: { endpointId: true, status: true, createdAt: true, responseStatus: true },
  });
  const byEndpoint = new Map(latest.map((d) => [d.endpointId, d]));
  return rows.map((row) => {
    const last = byEndpoint.get(row.id);
    return { ...toEndpointView(row), lastDelivery: last ? { status: last.status, createdAt: last.createdAt, responseStatus: last.responseStatus } : null };
  });
}
