import type { Prisma } from "@/generated/prisma/client";

/** Everything of an endpoint but its secret, which leaves the server only through create, rotate and reveal. */
export const endpointSelect = {
  id: true,
  ownerId: true,
  url: true,
  description: true,
  enabled: true,
  events: true,
  deviceIds: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookEndpointSelect;

export type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

export interface WebhookEndpointView {
  id: number;
  ownerId: number;
  url: string;
  description: string;
  enabled: boolean;
  events: string[];
  deviceIds: string[] | null;
  createdAt: Date;
  updatedAt: Date;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export function toEndpointView(row: EndpointRow): WebhookEndpointView {
  return { ...row, events: strings(row.events), deviceIds: Array.isArray(row.deviceIds) ? strings(row.deviceIds) : null };
}
