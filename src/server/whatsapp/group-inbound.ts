import { isLidUser, jidNormalizedUser, proto, type BaileysEventMap, type WASocket } from "baileys";
import type { Logger } from "pino";
import { inboundHandlers, type SelfIds } from "./inbound-port";
import type { WaGroupClient } from "./group-client";
import { memberOf, snapshotOf, type GroupChange, type ParticipantsAction } from "./group-snapshot";
import type { SerialQueue } from "./serial-queue";
import type { DeviceRef } from "./types";

const { StubType } = proto.WebMessageInfo;
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
    run(change.kind, () => inboundHandlers().groupChange(device, change, selfIds(sock), (jid) => groups.metadata(jid)));

  sock.ev.on("connection.update", (update) => {
    if (update.connection !== "open") return;
    run("list", async () => {
      const lostMembers = await inboundHandlers().groupsFetched(device, await groups.fetchAll());
      for (const jid of lostMembers) await groups.rotateSenderKey(jid);
    });
  });

  sock.ev.on("groups.upsert", (list: BaileysEventMap["groups.upsert"]) => {
    for (const metadata of list) apply({ kind: "snapshot", group: snapshotOf(metadata) });
  });

  // Subject and description changes are read from their stub messages, not from `groups.update`: Baileys' event
  // buffer keeps only the first `groups.update` of a group per flush (event-buffer.js), so a subject change followed
  // by a description change lost the description. Messages are buffered by key and all arrive.
  sock.ev.on("messages.upsert", ({ messages }: BaileysEventMap["messages.upsert"]) => {
    for (const message of messages) {
      const jid = message.key.remoteJid;
      if (!jid?.endsWith("@g.us")) continue;
      const value = message.messageStubParameters?.[0];
      if (message.messageStubType === StubType.GROUP_CHANGE_SUBJECT && typeof value === "string") {
        apply({ kind: "details", jid, subject: value });
      } else if (message.messageStubType === StubType.GROUP_CHANGE_DESCRIPTION) {
        apply({ kind: "details", jid, description: typeof value === "string" && value !== "" ? value : null });
      }
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
