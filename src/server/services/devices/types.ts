import type { Prisma } from "@/generated/prisma/client";
import type { deviceSelect } from "../../api/procedures";
import type { RequestMeta } from "../../api/context";
import type { Actor } from "../../api/trpc";

export type DeviceRow = Prisma.DeviceGetPayload<{ select: typeof deviceSelect }>;

/** Who acts and from where: every device service takes this, so the runner and tests can call them too. */
export interface ServiceCall {
  actor: Actor;
  meta: Pick<RequestMeta, "ip">;
}
