import type { Prisma } from "@/generated/prisma/client";
import type { deviceSelect } from "./device-select";
import type { Actor } from "../../authz/actor";

export type DeviceRow = Prisma.DeviceGetPayload<{ select: typeof deviceSelect }>;

/** Who acts and from where: every device service takes this, so the runner and tests can call them too. */
export interface ServiceCall {
  actor: Actor;
  /** The caller's address, for the audit log. */
  meta: { ip: string };
}
