import { isJidGroup, type WASocket } from "baileys";
import type { AuthEntryStore } from "./auth-state";
import { forgetOwnSenderKey, senderKeyHolders } from "./group-sender-key";

/** The auth-state category of the marks (beside, never among, Baileys' own key types). */
export const GROUP_SEND_CATEGORY = "sb-group-sends";

interface GroupSendMark {
  /** Devices a fresh sender key was being handed to over their pairwise sessions (empty for an ordinary send). */
  distributedTo: string[];
}

function markOf(value: unknown): GroupSendMark {
  const list = (value as { distributedTo?: unknown } | null)?.distributedTo;
  return { distributedTo: Array.isArray(list) ? list.filter((jid): jid is string => typeof jid === "string") : [] };
}

/**
 * Keeps our group sender-key state readable for the members across a send that may have half-happened.
 *
 * Why: Baileys (rc14, relayMessage) advances the group's sender-key chain, `sender-key-memory` and the pairwise
 * sessions that carried a distribution (SKDM) in one key transaction it commits only AFTER the frame has left. A
 * process killed in between, or a send that throws after writing, leaves the stored state behind what the members
 * already saw. Nothing resends that message (its copy arrived, receipts mark it delivered), so the harm shows on the
 * NEXT message to the group: it reuses a chain position the members have consumed ("old counter"), or skips the
 * distribution they never got, and no member can read it. The commit cannot be moved before the frame without
 * patching Baileys, so a durable mark is written before each group send and removed once Baileys has committed.
 *
 * A group whose mark outlived its send (a dead process, a failed send) is in unknown state: before its next send —
 * a resend or a new message alike — our sender key is forgotten, so that send hands a fresh one to every member.
 * If the mark was itself left by such a fresh-key send, the pairwise sessions it used may be behind the members'
 * phones too (a distribution at a counter they already used is unreadable): those sessions are dropped as well,
 * so the new key travels over fresh sessions. An ordinary send uses no pairwise session of a member that already
 * held the key, so its marks cost no prekeys.
 */
export class GroupSendGuard {
  private store: AuthEntryStore | undefined;
  /** Groups whose state must be renewed before their next send, with the devices of the last renewal. */
  private readonly unsettled = new Map<string, GroupSendMark>();
  /** Sends of this process under way per group: the mark stays until the last one committed. */
  private readonly inFlight = new Map<string, number>();
  /** The devices of a renewal whose send has not committed yet, kept in the marks of later sends. */
  private readonly renewing = new Map<string, string[]>();
  /** Renewals under way: a concurrent send to the group waits for it rather than go out under the old key. */
  private readonly renewals = new Map<string, Promise<void>>();

  /** Loads the marks a previous connection or process left: each is a group to renew before its next send. */
  async attach(store: AuthEntryStore): Promise<void> {
    this.store = store;
    for (const [groupJid, value] of await store.all()) this.unsettled.set(groupJid, markOf(value));
  }

  /** Runs `send` (one Baileys sendMessage to `jid`) inside the guard; anything but a group passes through. */
  async run<T>(sock: WASocket, jid: string, send: () => Promise<T>): Promise<T> {
    const store = this.store;
    if (!store || !isJidGroup(jid)) return send();
    await this.renewIfUnsettled(sock, store, jid);
    this.inFlight.set(jid, (this.inFlight.get(jid) ?? 0) + 1);
    let committed = false;
    try {
      await store.set(jid, { distributedTo: this.renewing.get(jid) ?? [] } satisfies GroupSendMark);
      const result = await send();
      committed = true;
      return result;
    } catch (error) {
      this.unsettled.set(jid, { distributedTo: this.renewing.get(jid) ?? [] });
      throw error;
    } finally {
      const count = (this.inFlight.get(jid) ?? 1) - 1;
      if (count > 0) this.inFlight.set(jid, count);
      else this.inFlight.delete(jid);
      if (committed && count === 0 && !this.unsettled.has(jid)) {
        this.renewing.delete(jid);
        // A mark that could not be removed only costs one needless renewal later: the send itself succeeded.
        await store.set(jid, null).catch(() => undefined);
      }
    }
  }

  /**
   * Renews an unsettled group's state before a send. Not while a send of this process to the group is under way:
   * its mark is ours, the renewal then waits for the next send after a failure.
   */
  private renewIfUnsettled(sock: WASocket, store: AuthEntryStore, jid: string): Promise<void> {
    const running = this.renewals.get(jid);
    if (running) return running;
    const left = this.unsettled.get(jid);
    if (!left || this.inFlight.get(jid)) return Promise.resolve();
    this.unsettled.delete(jid);
    const renewal = (async () => {
      try {
        const distributedTo = [...new Set([...(await senderKeyHolders(sock, jid)), ...left.distributedTo])];
        // Durable before the key is dropped: a death from here on still knows which sessions the next renewal resets.
        await store.set(jid, { distributedTo } satisfies GroupSendMark);
        await forgetOwnSenderKey(sock, jid, left.distributedTo);
        this.renewing.set(jid, distributedTo);
      } catch (error) {
        this.unsettled.set(jid, left);
        throw error;
      } finally {
        this.renewals.delete(jid);
      }
    })();
    this.renewals.set(jid, renewal);
    return renewal;
  }
}
