import { isLidUser, jidNormalizedUser, type BaileysEventMap, type WASocket } from "baileys";
import type { Logger } from "pino";
import { handleGroupChange, handleGroupsFetched } from "../services/inbound/group-events";
import type { SelfIds } from "../services/groups/store-groups";
import type { WaGroupClient } from "./group-client";
import { memberOf, snapshotOf, type GroupChange, type ParticipantsAction } from "./group-snapshot";
import type { SerialQueue } from "./serial-queue";
import type { DeviceRef } from "./types";

const ACTIONS: ReadonlySet<string> = new Set<ParticipantsAction>(["add", "remove", "promote", "demote"]);

function selfIds(sock: WASocket): SelfIds {
  const me = sock.authState.creds.me;
  const lid = me?.lid ? jidNormalizedUser(me.lid) : null;
  return { pn: me?.id ? jidNormalizedUser(me.id) : null, lid: lid && isLidUser(lid) ? lid : null };
}

/**
 * Keeps the device's groups in the database: the whole list on every connect, then WhatsApp's group events, in
 * the connection's inbound order. A member removed (by anyone) makes the next send to that group use a new sender
 * key: Baileys would go on with the one the removed member holds (see forgetOwnSenderKey).
 */
export function attachGroupInbound(
  sock: WASocket,
  ctx: { device: DeviceRef; queue: SerialQueue; log: Logger; groups: WaGroupClient },
): void {
  const { device, queue, log, groups } = ctx;
  const run = (what: string, work: () => Promise<void>) => {
    queue.run(work).catch((error: unknown) => log.error({ err: error, deviceId: device.deviceId }, `group ${what} failed`));
  };
  const apply = (change: GroupChange) =>
    run(change.kind, () => handleGroupChange(device, change, selfIds(sock), (jid) => groups.metadata(jid)));

  sock.ev.on("connection.update", (update) => {
    if (update.connection !== "open") return;
    run("list", async () => {
      const lostMembers = await handleGroupsFetched(device, await groups.fetchAll());
      for (const jid of lostMembers) await groups.rotateSenderKey(jid);
    });
  });

  sock.ev.on("groups.upsert", (list: BaileysEventMap["groups.upsert"]) => {
    for (const metadata of list) apply({ kind: "snapshot", group: snapshotOf(metadata) });
  });

  // After a full list Baileys repeats every group here; only subject and description changes are news.
  sock.ev.on("groups.update", (updates: BaileysEventMap["groups.update"]) => {
    for (const update of updates) {
      if (!update.id || update.participants) continue;
      if (update.subject === undefined && update.desc === undefined) continue;
      apply({ kind: "details", jid: update.id, subject: update.subject, description: update.desc === undefined ? undefined : (update.desc ?? null) });
    }
  });

  sock.ev.on("group-participants.update", ({ id, action, participants }: BaileysEventMap["group-participants.update"]) => {
    if (!ACTIONS.has(action)) return;
    const members = participants.map(memberOf);
    if (action === "remove") {
      // At once, not behind the queue: the removed member must not get the next message's key.
      groups.rotateSenderKey(id).catch((error: unknown) => log.error({ err: error, deviceId: device.deviceId }, "sender key rotation failed"));
    }
    apply({ kind: "participants", jid: id, action: action as ParticipantsAction, members });
  });
}
