import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { ownedByActor } from "../../authz/where";
import type { Actor } from "../../authz/actor";

export interface GettingStarted {
  /** Each step of the first-run checklist, ticked from stored data (never from a flag the user set). */
  steps: { createDevice: boolean; connect: boolean; link: boolean; sendMessage: boolean };
  /** The device the next step is about (the newest not yet linked, else the newest); null without devices. */
  device: { deviceId: string; deviceName: string; status: DeviceStatus } | null;
}

const STARTED: readonly DeviceStatus[] = ["connecting", "qr_required", "connected"];

/** Where the viewer stands on create device → connect → link WhatsApp → send a first message (own data; everything for admins). */
export async function gettingStarted(actor: Actor): Promise<GettingStarted> {
  const scope = ownedByActor(actor);
  const [devices, sentOne] = await Promise.all([
    // A handful is enough to judge progress: the checklist is about the first device.
    db().device.findMany({
      where: scope,
      select: { deviceId: true, deviceName: true, status: true, phoneNumber: true },
      orderBy: { id: "desc" },
      take: 50,
    }),
    db().message.findFirst({ where: { ...scope, direction: "outgoing" }, select: { id: true } }),
  ]);
  const linked = devices.some((d) => d.phoneNumber !== null || d.status === "connected");
  const next = devices.find((d) => d.phoneNumber === null && d.status !== "connected") ?? devices[0];
  return {
    steps: {
      createDevice: devices.length > 0,
      connect: linked || devices.some((d) => STARTED.includes(d.status)),
      link: linked,
      sendMessage: sentOne !== null,
    },
    device: next ? { deviceId: next.deviceId, deviceName: next.deviceName, status: next.status } : null,
  };
}
