import type { RouterOutputs } from "@/trpc/react";

export type DeviceItem = RouterOutputs["device"]["list"]["items"][number];
export type DeviceDetail = RouterOutputs["device"]["get"];
