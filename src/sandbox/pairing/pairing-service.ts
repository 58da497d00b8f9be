import { Curve, S_WHATSAPP_NET, type BinaryNode, type KeyPair } from 'baileys';
import { randomBytes } from 'node:crypto';

import { LinkedDevice, type Account } from '../directory/account';
import type { AccountDirectory } from '../directory/account-directory';
import type { TypedEmitter } from '../events';
import { parseUserJid } from '../protocol/jids';
import { childBytes, newStanzaId, unixTime } from '../protocol/nodes';
import type { SandboxConnection } from '../server/connection';
import type { IqOutcome } from '../iq/types';
import type { SandboxEvents } from '../types';
import { buildSignedDeviceIdentity, verifyPairDeviceSign } from './adv';
import { deriveAdvSecret, openKeyBundle, unwrapEphemeral, wrapEphemeral } from './pairing-code';
import { parseQR } from './qr';

const REFS_PER_REGISTRATION = 6;
const CODE_REQUEST_WAIT_MS = 5_000;
/** WhatsApp's platform name for the primary phone (SMB iOS); Baileys stores it in creds.platform. */
const PRIMARY_PLATFORM = 'smbi';

interface CodeRequest {
  conn: SandboxConnection;
  phone: string;
  ref: string;
  wrappedCompanionEphemeral: Buffer;
  /** Set once the phone user typed a code. */
  phoneSide?: { ephemeral: KeyPair; companionEphemeral: Buffer; account: Account; settle: Settle };
}

interface Settle {
  resolve(): void;
  reject(error: Error): void;
}

const newRef = (): string => `2@${randomBytes(33).toString('base64')}`;

/**
 * Plays the account's primary phone during linking: QR scan and pairing by code, both ending in
 * `pair-success` → `pair-device-sign` → `<stream:error code=515/>`.
 */
export class PairingService {
  private readonly refs = new Map<string, SandboxConnection>();
  private readonly codeRequests = new Map<string, CodeRequest>();
  private readonly codeRequestWaiters = new Set<(request: CodeRequest) => void>();

  constructor(
    private readonly directory: AccountDirectory,
    private readonly events: TypedEmitter<SandboxEvents>,
    private readonly wrongAdvSignature: () => boolean,
  ) {}

  /** Registration handshake done: offer refs for the QR. */
  startRegistration(conn: SandboxConnection): void {
    const refs = Array.from({ length: REFS_PER_REGISTRATION }, newRef);
    for (const ref of refs) {
      this.refs.set(ref, conn);
    }
    conn.send({
      tag: 'iq',
      attrs: { from: S_WHATSAPP_NET, type: 'set', xmlns: 'md', id: newStanzaId() },
      content: [
        {
          tag: 'pair-device',
          attrs: {},
          content: refs.map(ref => ({ tag: 'ref', attrs: {}, content: Buffer.from(ref, 'utf8') })),
        },
      ],
    });
  }

  /** Drops everything tied to a closed connection. */
  forget(conn: SandboxConnection): void {
    for (const [ref, owner] of this.refs) {
      if (owner === conn) {
        this.refs.delete(ref);
      }
    }
    for (const [ref, request] of this.codeRequests) {
      if (request.conn === conn) {
        this.codeRequests.delete(ref);
        request.phoneSide?.settle.reject(new Error('companion disconnected before pairing completed'));
      }
    }
  }

  async scanQR(qr: string, phone: string): Promise<void> {
    const parsed = parseQR(qr);
    const conn = this.refs.get(parsed.ref);
    const registration = conn?.registration;
    if (!conn || !registration || !conn.isOpen()) {
      throw new Error('QR ref is unknown or expired (is the companion still showing it?)');
    }
    // The QR must describe the very companion that holds the ref, or someone could link a device they don't control.
    if (!conn.clientStatic?.equals(parsed.noiseKey)) {
      throw new Error('QR noise key does not match the companion connection');
    }
    if (!Buffer.from(registration.identityKey).equals(parsed.identityKey)) {
      throw new Error('QR identity key does not match the registration');
    }
    const account = this.directory.getOrCreate(phone);
    await this.completePairing(conn, account, Buffer.from(parsed.advSecret, 'base64'), 'qr');
  }

  /** `<link_code_companion_reg stage=companion_hello>`: the companion asks to pair by code with `jid`. */
  companionHello(conn: SandboxConnection, iq: BinaryNode, reg: BinaryNode): IqOutcome {
    const phone = parseUserJid(reg.attrs.jid)?.user;
    const wrapped = childBytes(reg, 'link_code_pairing_wrapped_companion_ephemeral_pub');
    const authKey = childBytes(reg, 'companion_server_auth_key_pub');
    if (!conn.registration || !phone || !wrapped || wrapped.length !== 80) {
      return { error: { code: 400, text: 'bad-request' } };
    }
    if (!authKey || !conn.clientStatic?.equals(authKey)) {
      return { error: { code: 401, text: 'not-authorized' } };
    }
    const ref = newRef();
    const request: CodeRequest = { conn, phone, ref, wrappedCompanionEphemeral: wrapped };
    this.codeRequests.set(ref, request);
    for (const waiter of this.codeRequestWaiters) {
      waiter(request);
    }
    return {
      content: [
        {
          tag: 'link_code_companion_reg',
          attrs: {},
          content: [{ tag: 'link_code_pairing_ref', attrs: {}, content: Buffer.from(ref, 'utf8') }],
        },
      ],
    };
  }

  /** The phone user types `code`: the phone answers with `primary_hello`; resolves once linked. */
  async enterPairingCode(phone: string, code: string, waitMs = CODE_REQUEST_WAIT_MS): Promise<void> {
    const request = await this.pendingCodeRequest(phone, waitMs);
    const account = this.directory.getOrCreate(phone);
    const normalized = code.replace(/[\s-]/g, '').toUpperCase();
    const companionEphemeral = await unwrapEphemeral(request.wrappedCompanionEphemeral, normalized);
    const ephemeral = Curve.generateKeyPair();
    const wrappedPrimary = await wrapEphemeral(ephemeral.public, normalized);
    const done = new Promise<void>((resolve, reject) => {
      request.phoneSide = { ephemeral, companionEphemeral, account, settle: { resolve, reject } };
    });
    request.conn.send({
      tag: 'notification',
      attrs: { from: S_WHATSAPP_NET, type: 'link_code_companion_reg', id: newStanzaId(), t: unixTime() },
      content: [
        {
          tag: 'link_code_companion_reg',
          attrs: { stage: 'primary_hello' },
          content: [
            { tag: 'link_code_pairing_ref', attrs: {}, content: Buffer.from(request.ref, 'utf8') },
            { tag: 'primary_identity_pub', attrs: {}, content: account.phoneIdentity.public },
            { tag: 'link_code_pairing_wrapped_primary_ephemeral_pub', attrs: {}, content: wrappedPrimary },
          ],
        },
      ],
    });
    return done;
  }

  /**
   * `requestPairingCode` is fire-and-forget on the companion: it returns the code before its
   * `companion_hello` iq reached us, so a phone user who types instantly may be early. Wait briefly.
   */
  private pendingCodeRequest(phone: string, waitMs: number): Promise<CodeRequest> {
    const matches = (candidate: CodeRequest): boolean =>
      candidate.phone === phone && candidate.conn.isOpen() && !candidate.phoneSide;
    const existing = [...this.codeRequests.values()].reverse().find(matches);
    if (existing) {
      return Promise.resolve(existing);
    }
    return new Promise((resolve, reject) => {
      const waiter = (request: CodeRequest): void => {
        if (matches(request)) {
          clearTimeout(timer);
          this.codeRequestWaiters.delete(waiter);
          resolve(request);
        }
      };
      const timer = setTimeout(() => {
        this.codeRequestWaiters.delete(waiter);
        reject(new Error(`no pending pairing-code request for ${phone}`));
      }, waitMs);
      timer.unref();
      this.codeRequestWaiters.add(waiter);
    });
  }

  /**
   * `<link_code_companion_reg stage=companion_finish>`. Baileys awaits this iq inside its notification
   * handler with the event buffer on, so it must be answered before `pair-success` is sent.
   */
  companionFinish(conn: SandboxConnection, reg: BinaryNode): IqOutcome {
    const ref = childBytes(reg, 'link_code_pairing_ref')?.toString('utf8');
    const request = ref ? this.codeRequests.get(ref) : undefined;
    const phoneSide = request?.phoneSide;
    const bundle = childBytes(reg, 'link_code_pairing_wrapped_key_bundle');
    const companionIdentity = childBytes(reg, 'companion_identity_public');
    if (!request || request.conn !== conn || !phoneSide || !bundle || !companionIdentity) {
      return { error: { code: 404, text: 'item-not-found' } };
    }
    this.codeRequests.delete(request.ref);
    return {
      afterReply: () => {
        this.finishCodePairing(conn, phoneSide, bundle, companionIdentity).then(
          () => phoneSide.settle.resolve(),
          (error: unknown) => phoneSide.settle.reject(error instanceof Error ? error : new Error(String(error))),
        );
      },
    };
  }

  private async finishCodePairing(
    conn: SandboxConnection,
    phoneSide: NonNullable<CodeRequest['phoneSide']>,
    bundle: Buffer,
    companionIdentity: Buffer,
  ): Promise<void> {
    const companionSharedKey = Curve.sharedKey(phoneSide.ephemeral.private, phoneSide.companionEphemeral);
    let opened: ReturnType<typeof openKeyBundle>;
    try {
      opened = openKeyBundle(bundle, companionSharedKey);
    } catch {
      throw new Error('pairing code mismatch: the companion key bundle does not decrypt');
    }
    const { account } = phoneSide;
    const registration = conn.registration;
    if (
      !registration ||
      !opened.companionIdentity.equals(companionIdentity) ||
      !opened.companionIdentity.equals(Buffer.from(registration.identityKey)) ||
      !opened.primaryIdentity.equals(Buffer.from(account.phoneIdentity.public))
    ) {
      throw new Error('pairing code bundle carries unexpected identity keys');
    }
    const advSecret = deriveAdvSecret(
      companionSharedKey,
      account.phoneIdentity.private,
      opened.companionIdentity,
      opened.random,
    );
    await this.completePairing(conn, account, advSecret, 'code');
  }

  private async completePairing(
    conn: SandboxConnection,
    account: Account,
    advSecret: Uint8Array,
    method: 'qr' | 'code',
  ): Promise<void> {
    const registration = conn.registration;
    const clientStatic = conn.clientStatic;
    if (!registration || !clientStatic) {
      throw new Error('connection is not a registration');
    }
    const deviceId = account.allocateDeviceId();
    const device = new LinkedDevice(
      account,
      deviceId,
      deviceId,
      clientStatic,
      registration.identityKey,
      registration.registrationId,
      registration.signedPreKey,
      registration.platform,
    );
    const deviceIdentity = buildSignedDeviceIdentity({
      accountKey: account.phoneIdentity,
      companionIdentityKey: registration.identityKey,
      keyIndex: device.keyIndex,
      advSecret,
      wrongSignature: this.wrongAdvSignature(),
    });
    this.forget(conn);
    const reply = await conn.query({
      tag: 'iq',
      attrs: { from: S_WHATSAPP_NET, type: 'set', xmlns: 'md', t: unixTime() },
      content: [
        {
          tag: 'pair-success',
          attrs: {},
          content: [
            { tag: 'device-identity', attrs: {}, content: deviceIdentity },
            { tag: 'platform', attrs: { name: PRIMARY_PLATFORM } },
            { tag: 'device', attrs: { jid: device.pnJid, lid: device.lidJid } },
          ],
        },
      ],
    });
    const verdict = verifyPairDeviceSign(reply, account.phoneIdentity.public, registration.identityKey);
    if (!verdict.ok) {
      conn.close(`pairing rejected: ${verdict.reason}`);
      throw new Error(`pairing rejected: ${verdict.reason}`);
    }
    account.devices.set(deviceId, device);
    this.events.emit('paired', { phone: account.phone, deviceJid: device.pnJid, method });
    // The real server makes the companion reconnect and log in with its new identity.
    conn.send({ tag: 'stream:error', attrs: { code: '515' } });
    conn.close('restart required after pairing');
  }
}
