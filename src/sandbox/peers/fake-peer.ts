import {
  addTransactionCapability,
  Curve,
  encodeWAMessage,
  generateRegistrationId,
  proto,
  signedKeyPair,
  unpadRandomMax16,
  type KeyPair,
  type SignalCreds,
  type SignalDataSet,
} from 'baileys';
import { makeLibSignalRepository } from 'baileys/lib/Signal/libsignal.js';

import { createMemoryKeyStore, type KeyStoreDump } from '../auth/memory-auth-state';
import { silentLogger } from '../log/silent-logger';
import { bundleToE2ESession, type PreKeyBundle } from './prekey-bundle';

type Repository = ReturnType<typeof makeLibSignalRepository>;

export type CipherType = 'pkmsg' | 'msg';

/** Everything a FakePeer knows besides its identity: restoring it keeps its Signal sessions across restarts. */
export interface FakePeerState {
  registrationId: number;
  signedPreKey: SignalCreds['signedPreKey'];
  nextPreKeyId: number;
  keys: KeyStoreDump;
}

/**
 * One simulated WhatsApp device (a contact's phone, or an account's own primary phone) with real
 * Signal sessions from Baileys' own libsignal repository. One-time prekeys are minted on demand,
 * one per bundle handed out, so an idle peer costs almost nothing.
 */
export class FakePeer {
  private readonly creds: SignalCreds;
  private readonly keys: ReturnType<typeof addTransactionCapability>;
  private readonly store = createMemoryKeyStore();
  private readonly repository: Repository;
  private nextPreKeyId = 1;
  /** Serialises session setup + encryption so two concurrent first sends cannot race. */
  private sendChain: Promise<unknown> = Promise.resolve();
  /**
   * Serialises decryption in arrival order. The repository awaits an identity save *before*
   * taking its per-jid lock for pkmsg, so a pkmsg immediately followed by a msg could otherwise
   * be decrypted out of order and the msg would find no session.
   */
  private decryptChain: Promise<unknown> = Promise.resolve();

  constructor(identity: KeyPair, state?: FakePeerState) {
    this.creds = {
      signedIdentityKey: identity,
      signedPreKey: state?.signedPreKey ?? signedKeyPair(identity, 1),
      registrationId: state?.registrationId ?? generateRegistrationId(),
    };
    if (state) {
      this.nextPreKeyId = state.nextPreKeyId;
      this.store.set(state.keys as SignalDataSet);
    }
    this.keys = addTransactionCapability(this.store, silentLogger, {
      maxCommitRetries: 1,
      delayBetweenTriesMs: 0,
    });
    this.repository = makeLibSignalRepository({ creds: this.creds, keys: this.keys }, silentLogger);
  }

  get identityKey(): Uint8Array {
    return this.creds.signedIdentityKey.public;
  }

  /** Hands out a bundle with a fresh one-time prekey (each prekey is used once, WA-PROTOCOL P7). */
  async takeBundle(): Promise<PreKeyBundle> {
    const keyId = this.nextPreKeyId++;
    const preKey = Curve.generateKeyPair();
    await this.keys.set({ 'pre-key': { [keyId.toString()]: preKey } });
    return {
      registrationId: this.creds.registrationId,
      identityKey: this.creds.signedIdentityKey.public,
      signedPreKey: {
        keyId: this.creds.signedPreKey.keyId,
        publicKey: this.creds.signedPreKey.keyPair.public,
        signature: this.creds.signedPreKey.signature,
      },
      preKey: { keyId, publicKey: preKey.public },
    };
  }

  decrypt(fromJid: string, type: CipherType, ciphertext: Uint8Array): Promise<proto.IMessage> {
    const run = async (): Promise<proto.IMessage> => {
      const padded = await this.repository.decryptMessage({ jid: fromJid, type, ciphertext });
      return proto.Message.decode(unpadRandomMax16(padded));
    };
    const result = this.decryptChain.then(run, run);
    this.decryptChain = result.catch(() => undefined);
    return result;
  }

  /**
   * Encrypts for `toJid`, opening a session from `fetchBundle()` first when there is none.
   * An existing session is reused (WA-PROTOCOL G8): forcing a new pkmsg would replace it.
   */
  encrypt(
    toJid: string,
    message: proto.IMessage,
    fetchBundle: () => PreKeyBundle | undefined | Promise<PreKeyBundle | undefined>,
  ): Promise<{ type: CipherType; ciphertext: Uint8Array }> {
    const run = async (): Promise<{ type: CipherType; ciphertext: Uint8Array }> => {
      const { exists } = await this.repository.validateSession(toJid);
      if (!exists) {
        const bundle = await fetchBundle();
        if (!bundle) {
          throw new Error(`no prekey bundle available for ${toJid}`);
        }
        await this.repository.injectE2ESession({ jid: toJid, session: bundleToE2ESession(bundle) });
      }
      return this.repository.encryptMessage({ jid: toJid, data: encodeWAMessage(message) });
    };
    const result = this.sendChain.then(run, run);
    this.sendChain = result.catch(() => undefined);
    return result;
  }

  /**
   * Encrypts `message` for group `groupJid` under this phone's own sender key (created on first use), as
   * `meJid` (its LID). Returns the skmsg and the distribution message other members need to read it.
   */
  encryptGroup(
    groupJid: string,
    meJid: string,
    message: proto.IMessage,
  ): Promise<{ ciphertext: Uint8Array; senderKeyDistribution: Uint8Array }> {
    const run = async () => {
      const { ciphertext, senderKeyDistributionMessage } = await this.repository.encryptGroupMessage({
        group: groupJid,
        meId: meJid,
        data: encodeWAMessage(message),
      });
      return { ciphertext, senderKeyDistribution: senderKeyDistributionMessage };
    };
    const result = this.sendChain.then(run, run);
    this.sendChain = result.catch(() => undefined);
    return result;
  }

  /**
   * Takes one group message as a member device does (WA-PROTOCOL §8.1): first the pairwise part, if any (a
   * sender-key distribution, processed), then the skmsg, decrypted with the sender key held for `authorJid`.
   * Runs in the decryption order, so a distribution is always processed before the skmsg that needs it.
   */
  receiveGroup(
    groupJid: string,
    authorJid: string,
    pairwise: { type: CipherType; ciphertext: Uint8Array } | undefined,
    skmsg: Uint8Array,
  ): Promise<proto.IMessage> {
    const run = async (): Promise<proto.IMessage> => {
      if (pairwise) {
        const padded = await this.repository.decryptMessage({ jid: authorJid, ...pairwise });
        const distribution = proto.Message.decode(unpadRandomMax16(padded)).senderKeyDistributionMessage;
        if (distribution) {
          await this.repository.processSenderKeyDistributionMessage({ item: distribution, authorJid });
        }
      }
      const padded = await this.repository.decryptGroupMessage({ group: groupJid, authorJid, msg: skmsg });
      return proto.Message.decode(unpadRandomMax16(padded));
    };
    const result = this.decryptChain.then(run, run);
    this.decryptChain = result.catch(() => undefined);
    return result;
  }

  /**
   * Drops this phone's own sender key for a group, as WhatsApp clients do when a member leaves or is removed: the
   * next `encryptGroup` starts a fresh chain, so what it sends can no longer be read with the old key.
   */
  forgetOwnSenderKey(groupJid: string, meJid: string): Promise<void> {
    const run = async (): Promise<void> => {
      const address = this.repository.jidToSignalProtocolAddress(meJid);
      const dot = address.lastIndexOf('.');
      const name = `${groupJid}::${address.slice(0, dot)}::${address.slice(dot + 1)}`;
      await this.keys.set({ 'sender-key': { [name]: null } });
    };
    // In the send order: a message sent after the reset must use the new chain.
    const result = this.sendChain.then(run, run);
    this.sendChain = result.catch(() => undefined);
    return result;
  }

  exportState(): FakePeerState {
    return {
      registrationId: this.creds.registrationId,
      signedPreKey: this.creds.signedPreKey,
      nextPreKeyId: this.nextPreKeyId,
      keys: this.store.dump(),
    };
  }

  async deleteSession(jid: string): Promise<void> {
    await this.repository.deleteSession([jid]);
  }

  close(): void {
    this.repository.close?.();
  }
}
