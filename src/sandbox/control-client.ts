import { bytesToBase64 } from './control/base64';
import type {
  ControlAccount,
  ControlDevice,
  ControlError,
  ControlGroup,
  ControlGroupAction,
  ControlGroupMessage,
  ControlGroupNotification,
  ControlInboxMessage,
  ControlParticipantResult,
  ControlInfo,
  ControlMediaKind,
  ControlOutboxMessage,
  CreateAccountRequest,
  ReceiptsRequest,
  WaitGroupMessageRequest,
  WaitInboxRequest,
} from './control/contract';

export type {
  ControlAccount,
  ControlDevice,
  ControlGroup,
  ControlGroupAction,
  ControlGroupMessage,
  ControlGroupNotification,
  ControlInboxMessage,
  ControlInfo,
  ControlParticipantResult,
  ControlMediaInfo,
  ControlMediaKind,
  ControlOutboxMessage,
} from './control/contract';

/** Media a contact sends through the control API (the bytes travel as base64 JSON, up to ~18 MiB). */
export interface ControlMediaInput {
  kind: ControlMediaKind;
  data: Uint8Array;
  mimetype: string;
  fileName?: string;
  caption?: string;
  ptt?: boolean;
  /** Gone from the media server when the device downloads it; the phone uploads it again on request. */
  expired?: boolean;
}

/** A control API call that the sandbox refused; `status` is the HTTP status (400 bad input, 404, 409 scenario error, 413 too large). */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: ControlError['issues'],
  ) {
    super(message);
    this.name = 'SandboxControlError';
  }
}

export interface SandboxControlClient {
  info(): Promise<ControlInfo>;
  accounts(): Promise<ControlAccount[]>;
  account(phone: string): Promise<ControlAccount | undefined>;
  createAccount(opts?: CreateAccountRequest): Promise<ControlAccount>;
  scanQR(qr: string, phone: string): Promise<void>;
  enterPairingCode(phone: string, code: string): Promise<void>;
  sendText(from: string, toPhone: string, text: string): Promise<string>;
  sendMedia(from: string, toPhone: string, media: ControlMediaInput): Promise<string>;
  inbox(phone: string): Promise<ControlInboxMessage[]>;
  /** The verified plaintext of media `phone` received in message `messageId` (404 if none). */
  inboxMedia(phone: string, messageId: string): Promise<Uint8Array>;
  outbox(phone: string): Promise<ControlOutboxMessage[]>;
  waitForInbox(phone: string, match?: Omit<WaitInboxRequest, 'phone'>): Promise<ControlInboxMessage>;
  setReceipts(phone: string, behaviour: Omit<ReceiptsRequest, 'phone'>): Promise<void>;
  /** Offline, the phone holds what devices send it (one tick); back online it takes and acknowledges all of it. */
  setOnline(phone: string, online: boolean): Promise<void>;
  /** Numbers marked as not on WhatsApp (lookups report them absent, so sends to them fail). */
  notOnWhatsApp(): Promise<string[]>;
  /** 409 when an account already has the number. */
  markNotOnWhatsApp(phone: string): Promise<void>;
  clearNotOnWhatsApp(phone: string): Promise<void>;
  dropConnection(phone: string): Promise<void>;
  freezeConnection(phone: string): Promise<void>;
  logout(phone: string): Promise<void>;
  ban(phone: string): Promise<void>;
  unban(phone: string): Promise<void>;
  linkedDevices(phone: string): Promise<ControlDevice[]>;

  // Groups, played by the phones. `groupId` is the group jid (`120363…@g.us`) or its digits.
  /** Phone `creator` creates a group (creator superadmin); phones that only let contacts add them are left out. */
  createGroup(creator: string, subject: string, participants: string[]): Promise<ControlGroup>;
  /** Every group, or those `phone` is a member of. */
  groups(phone?: string): Promise<ControlGroup[]>;
  group(groupId: string): Promise<ControlGroup | undefined>;
  /** An admin phone adds/removes/promotes/demotes; one result per number (200, 403 privacy, 404, 406, 409). */
  updateGroupParticipants(actor: string, groupId: string, action: ControlGroupAction, phones: string[]): Promise<ControlParticipantResult[]>;
  setGroupSubject(actor: string, groupId: string, subject: string): Promise<void>;
  /** '' deletes the description. */
  setGroupDescription(actor: string, groupId: string, description: string): Promise<void>;
  /** An admin phone reads the invite code. */
  groupInviteCode(actor: string, groupId: string): Promise<string>;
  /** An admin phone revokes the link; resolves with the new code. */
  revokeGroupInvite(actor: string, groupId: string): Promise<string>;
  joinGroup(phone: string, inviteCode: string): Promise<ControlGroup>;
  leaveGroup(phone: string, groupId: string): Promise<void>;
  /** "Only my contacts may add me to groups": adds get status 403 until turned off. */
  setGroupAddRestricted(phone: string, restricted: boolean): Promise<void>;
  /**
   * Once `phone` is no longer a member it keeps receiving the group's skmsg copies (as if listening on the wire);
   * `groupMessages` shows whether it could decrypt them (`member: false`).
   */
  listenToGroup(phone: string, groupId: string, listening?: boolean): Promise<void>;
  /** A member phone writes to the group; `mentions` are phones (sent as LID jids). */
  sendGroupText(from: string, groupId: string, text: string, opts?: { mentions?: string[] }): Promise<string>;
  sendGroupMedia(from: string, groupId: string, media: ControlMediaInput): Promise<string>;
  /** A phone's group messages (sent and received, `decrypted` false for what it could not read), optionally of one group. */
  groupMessages(phone: string, groupId?: string): Promise<ControlGroupMessage[]>;
  groupNotifications(phone: string, groupId?: string): Promise<ControlGroupNotification[]>;
  /** Resolves with the first group message (already there or arriving) matching every given field; `text` is a substring. */
  waitForGroupMessage(phone: string, match?: Omit<WaitGroupMessageRequest, 'phone'>): Promise<ControlGroupMessage>;
}

const isControlError = (value: unknown): value is ControlError =>
  typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';

/**
 * Typed client for the sandbox control API. `baseUrl` is the sandbox origin (`http://127.0.0.1:7780`)
 * or its control URL (`…/control`). Works in browsers and Node (global fetch).
 */
export const createSandboxControlClient = (
  baseUrl: string,
  opts: { token?: string; fetch?: typeof fetch } = {},
): SandboxControlClient => {
  const root = baseUrl.replace(/\/+$/, '').replace(/\/control$/, '');
  const doFetch = opts.fetch ?? fetch;

  const request = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    const res = await doFetch(`${root}/control${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) {
      const payload: unknown = await res.json().catch(() => undefined);
      throw isControlError(payload)
        ? new SandboxControlError(res.status, payload.error, payload.issues)
        : new SandboxControlError(res.status, `sandbox control ${method} ${path} failed with HTTP ${res.status}`);
    }
    return res;
  };
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const payload: unknown = await (await request(method, path, body)).json().catch(() => undefined);
    return payload as T;
  };
  const phonePath = (prefix: string, phone: string): string => `/${prefix}/${encodeURIComponent(phone)}`;
  const groupPath = (groupId: string, action?: string): string =>
    `/groups/${encodeURIComponent(groupId)}${action !== undefined ? `/${action}` : ''}`;
  const groupQuery = (groupId: string | undefined): string => (groupId === undefined ? '' : `?group=${encodeURIComponent(groupId)}`);

  return {
    info: () => call<ControlInfo>('GET', '/info'),
    accounts: () => call<ControlAccount[]>('GET', '/accounts'),
    account: async phone => {
      try {
        return await call<ControlAccount>('GET', phonePath('accounts', phone));
      } catch (error) {
        if (error instanceof SandboxControlError && error.status === 404) return undefined;
        throw error;
      }
    },
    createAccount: (request = {}) => call<ControlAccount>('POST', '/accounts', request),
    scanQR: async (qr, phone) => {
      await call('POST', '/scan', { qr, phone });
    },
    enterPairingCode: async (phone, code) => {
      await call('POST', '/pairing-code', { phone, code });
    },
    sendText: async (from, to, text) => (await call<{ id: string }>('POST', '/send', { from, to, text })).id,
    sendMedia: async (from, to, { data, ...media }) =>
      (await call<{ id: string }>('POST', '/send-media', { from, to, ...media, dataBase64: bytesToBase64(data) })).id,
    inbox: phone => call<ControlInboxMessage[]>('GET', phonePath('inbox', phone)),
    inboxMedia: async (phone, messageId) =>
      new Uint8Array(await (await request('GET', `${phonePath('media', phone)}/${encodeURIComponent(messageId)}`)).arrayBuffer()),
    outbox: phone => call<ControlOutboxMessage[]>('GET', phonePath('outbox', phone)),
    waitForInbox: (phone, match = {}) => call<ControlInboxMessage>('POST', '/wait-inbox', { phone, ...match }),
    setReceipts: async (phone, behaviour) => {
      await call('POST', '/receipts', { phone, ...behaviour });
    },
    setOnline: async (phone, online) => {
      await call('POST', '/presence', { phone, online });
    },
    notOnWhatsApp: () => call<string[]>('GET', '/not-on-whatsapp'),
    markNotOnWhatsApp: async phone => {
      await call('POST', '/not-on-whatsapp', { phone });
    },
    clearNotOnWhatsApp: async phone => {
      await call('POST', '/not-on-whatsapp/remove', { phone });
    },
    dropConnection: async phone => {
      await call('POST', '/drop', { phone });
    },
    freezeConnection: async phone => {
      await call('POST', '/freeze', { phone });
    },
    logout: async phone => {
      await call('POST', '/logout', { phone });
    },
    ban: async phone => {
      await call('POST', '/ban', { phone });
    },
    unban: async phone => {
      await call('POST', '/unban', { phone });
    },
    linkedDevices: phone => call<ControlDevice[]>('GET', phonePath('devices', phone)),
    createGroup: (creator, subject, participants) => call<ControlGroup>('POST', '/groups', { creator, subject, participants }),
    groups: phone => call<ControlGroup[]>('GET', phone === undefined ? '/groups' : `/groups?phone=${encodeURIComponent(phone)}`),
    group: async groupId => {
      try {
        return await call<ControlGroup>('GET', groupPath(groupId));
      } catch (error) {
        if (error instanceof SandboxControlError && error.status === 404) return undefined;
        throw error;
      }
    },
    updateGroupParticipants: (actor, groupId, action, phones) =>
      call<ControlParticipantResult[]>('POST', groupPath(groupId, 'participants'), { actor, action, phones }),
    setGroupSubject: async (actor, groupId, subject) => {
      await call('POST', groupPath(groupId, 'subject'), { actor, subject });
    },
    setGroupDescription: async (actor, groupId, description) => {
      await call('POST', groupPath(groupId, 'description'), { actor, description });
    },
    groupInviteCode: async (actor, groupId) => (await call<{ code: string }>('POST', groupPath(groupId, 'invite'), { actor })).code,
    revokeGroupInvite: async (actor, groupId) =>
      (await call<{ code: string }>('POST', groupPath(groupId, 'invite'), { actor, revoke: true })).code,
    joinGroup: (phone, code) => call<ControlGroup>('POST', '/groups/join', { phone, code }),
    leaveGroup: async (phone, groupId) => {
      await call('POST', groupPath(groupId, 'leave'), { phone });
    },
    setGroupAddRestricted: async (phone, restricted) => {
      await call('POST', '/group-add-privacy', { phone, restricted });
    },
    listenToGroup: async (phone, groupId, listening = true) => {
      await call('POST', groupPath(groupId, 'listen'), { phone, listening });
    },
    sendGroupText: async (from, groupId, text, opts = {}) =>
      (await call<{ id: string }>('POST', groupPath(groupId, 'send'), { from, text, ...opts })).id,
    sendGroupMedia: async (from, groupId, { data, ...media }) =>
      (await call<{ id: string }>('POST', groupPath(groupId, 'send-media'), { from, ...media, dataBase64: bytesToBase64(data) })).id,
    groupMessages: (phone, groupId) => call<ControlGroupMessage[]>('GET', `${phonePath('group-messages', phone)}${groupQuery(groupId)}`),
    groupNotifications: (phone, groupId) =>
      call<ControlGroupNotification[]>('GET', `${phonePath('group-notifications', phone)}${groupQuery(groupId)}`),
    waitForGroupMessage: (phone, match = {}) => call<ControlGroupMessage>('POST', '/wait-group-message', { phone, ...match }),
  };
};
