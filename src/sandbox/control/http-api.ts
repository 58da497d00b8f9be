import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

import type { Sandbox, SandboxAccount, SandboxMediaInput } from '../types';
import {
  createAccountRequest,
  createGroupRequest,
  groupAddPrivacyRequest,
  groupDescriptionRequest,
  groupIdSchema,
  groupInviteRequest,
  groupListenRequest,
  groupParticipantsRequest,
  groupSubjectRequest,
  joinGroupRequest,
  sendGroupMediaRequest,
  sendGroupRequest,
  waitGroupMessageRequest,
  pairingCodeRequest,
  phoneRequest,
  phoneSchema,
  presenceRequest,
  receiptsRequest,
  scanRequest,
  SEND_MEDIA_MAX_BODY_BYTES,
  sendMediaRequest,
  sendRequest,
  waitInboxRequest,
  type ControlAccount,
  type ControlError,
  type ControlInfo,
  type SendMediaRequest,
} from './contract';

const MAX_BODY = 1 << 20;
const MIMETYPE = /^[\w.+-]+\/[\w.+-]+(\s*;[^\r\n]*)?$/;
export const CONTROL_PREFIX = '/control';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: ControlError['issues'],
  ) {
    super(message);
  }
}

/** A non-JSON 200 answer (media bytes). */
class RawBody {
  constructor(
    readonly contentType: string,
    readonly bytes: Buffer,
  ) {}
}

const readJson = async (req: IncomingMessage, maxBytes = MAX_BODY): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      throw new HttpError(413, 'request body too large');
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) {
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
};

/**
 * The control API is for programs (the app, tests), never for pages: a request a browser marks as coming from
 * another site is refused, and a POST must be JSON, which a cross-site HTML form cannot send. Without this, any
 * page open on the machine could drive the sandbox when no control token is set.
 */
const refuseBrowserForgery = (req: IncomingMessage): void => {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const crossOrigin = origin !== undefined ? !URL.canParse(origin) || new URL(origin).host !== req.headers.host : site !== undefined && site !== 'same-origin' && site !== 'none';
  if (crossOrigin) {
    throw new HttpError(403, 'cross-site requests are not allowed');
  }
  const contentType = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD' && (hasBody || contentType !== '') && contentType !== 'application/json') {
    throw new HttpError(415, 'request body must be application/json');
  }
};

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map(issue => ({ path: issue.path.join('.'), message: issue.message }));
    throw new HttpError(400, `invalid input: ${issues.map(i => `${i.path || '(body)'}: ${i.message}`).join('; ')}`, issues);
  }
  return result.data;
};

const toControlAccount = (sandbox: Sandbox, account: SandboxAccount): ControlAccount => ({
  phone: account.phone,
  lid: account.lid,
  name: account.name,
  pnJid: account.pnJid,
  lidJid: account.lidJid,
  banned: account.banned,
  receipts: account.receipts.mode,
  ...sandbox.presence(account.phone),
});

const mediaInput = (body: Omit<SendMediaRequest, 'from' | 'to'>): SandboxMediaInput => ({
  kind: body.kind,
  data: Buffer.from(body.dataBase64, 'base64'),
  mimetype: body.mimetype,
  ...(body.fileName !== undefined ? { fileName: body.fileName } : {}),
  ...(body.caption !== undefined ? { caption: body.caption } : {}),
  ...(body.ptt !== undefined ? { ptt: body.ptt } : {}),
  ...(body.expired !== undefined ? { expired: body.expired } : {}),
});

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
};

/** Scenario failures (unknown account, no pending QR…) are the caller's problem: 409 with the reason. */
const scenario = async <T>(action: () => T | Promise<T>): Promise<T> => {
  try {
    return await action();
  } catch (error) {
    if (error instanceof HttpError) {
      throw error;
    }
    throw new HttpError(409, error instanceof Error ? error.message : String(error));
  }
};

const tokenMatches = (header: string | undefined, token: string): boolean => {
  const presented = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
};

export interface ControlApiOptions {
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
}

/**
 * The JSON control API. Returns a request handler that answers `/control/*` and returns false for
 * anything else. Unauthenticated unless `token` is set: keep the sandbox on loopback otherwise.
 */
export const createControlHandler = (sandbox: Sandbox, opts: ControlApiOptions = {}) => {
  const route = async (method: string, path: string, req: IncomingMessage, query: URLSearchParams): Promise<unknown> => {
    const segments = path.split('/').filter(Boolean);
    const [resource, param, subParam] = segments;
    const pathPhone = (): string => parse(phoneSchema, decodeURIComponent(param ?? ''));
    const pathGroup = (): string => parse(groupIdSchema, decodeURIComponent(param ?? ''));
    const queryGroup = (): string | undefined => {
      const value = query.get('group');
      return value === null ? undefined : parse(groupIdSchema, value);
    };
    if (resource === 'groups' && param !== undefined && subParam !== undefined && method === 'POST') {
      return groupAction(pathGroup(), subParam, req);
    }
    const shape = `${resource ?? ''}${param !== undefined ? '/:param' : ''}${subParam !== undefined ? '/:param' : ''}`;
    switch (`${method} ${segments.length > 3 ? '(too deep)' : shape}`) {
      case 'GET info':
        return {
          wsUrl: sandbox.wsUrl,
          controlUrl: sandbox.controlUrl,
          port: sandbox.port,
          rootPublicKey: Buffer.from(sandbox.rootPublicKey).toString('base64'),
          mediaUrl: sandbox.mediaUrl,
          mediaCertPem: sandbox.mediaCertPem,
        } satisfies ControlInfo;
      case 'GET accounts':
        return sandbox.accounts().map(account => toControlAccount(sandbox, account));
      case 'POST accounts': {
        const body = parse(createAccountRequest, await readJson(req));
        return toControlAccount(sandbox, await scenario(() => sandbox.createAccount(body)));
      }
      case 'GET accounts/:param': {
        const account = sandbox.account(pathPhone());
        if (!account) {
          throw new HttpError(404, 'no such account');
        }
        return toControlAccount(sandbox, account);
      }
      case 'POST scan': {
        const body = parse(scanRequest, await readJson(req));
        await scenario(() => sandbox.scanQR(body.qr, body.phone));
        return { ok: true };
      }
      case 'POST pairing-code': {
        const body = parse(pairingCodeRequest, await readJson(req));
        await scenario(() => sandbox.enterPairingCode(body.phone, body.code));
        return { ok: true };
      }
      case 'POST send': {
        const body = parse(sendRequest, await readJson(req));
        return { id: await scenario(() => sandbox.sendText(body.from, body.to, body.text)) };
      }
      case 'POST send-media': {
        const body = parse(sendMediaRequest, await readJson(req, SEND_MEDIA_MAX_BODY_BYTES));
        return { id: await scenario(() => sandbox.sendMedia(body.from, body.to, mediaInput(body))) };
      }
      case 'GET media/:param/:param': {
        const phone = pathPhone();
        const messageId = decodeURIComponent(subParam ?? '');
        const bytes = sandbox.inboxMedia(phone, messageId);
        const info = sandbox.inbox(phone).find(m => m.id === messageId)?.media;
        if (!bytes || !info) {
          throw new HttpError(404, 'no verified media for this message');
        }
        return new RawBody(MIMETYPE.test(info.mimetype) ? info.mimetype : 'application/octet-stream', bytes);
      }
      case 'GET inbox/:param':
        return sandbox.inbox(pathPhone());
      case 'GET outbox/:param':
        return sandbox.outbox(pathPhone());
      case 'POST wait-inbox': {
        const body = parse(waitInboxRequest, await readJson(req));
        return scenario(() =>
          sandbox.waitForInbox(
            body.phone,
            m => (body.from === undefined || m.from === body.from) && (body.text === undefined || m.text.includes(body.text)),
            body.timeoutMs,
          ),
        );
      }
      case 'POST receipts': {
        const body = parse(receiptsRequest, await readJson(req));
        await scenario(() =>
          sandbox.setReceipts(body.phone, { mode: body.mode, ...(body.delayMs !== undefined ? { delayMs: body.delayMs } : {}) }),
        );
        return { ok: true };
      }
      case 'POST presence': {
        const body = parse(presenceRequest, await readJson(req));
        await scenario(() => sandbox.setOnline(body.phone, body.online));
        return { ok: true };
      }
      case 'GET not-on-whatsapp':
        return sandbox.notOnWhatsApp();
      case 'POST not-on-whatsapp': {
        const { phone } = parse(phoneRequest, await readJson(req));
        await scenario(() => sandbox.markNotOnWhatsApp(phone));
        return { ok: true };
      }
      case 'POST not-on-whatsapp/:param': {
        if (param !== 'remove') throw new HttpError(404, `no control route ${method} ${CONTROL_PREFIX}/${segments.join('/')}`);
        const { phone } = parse(phoneRequest, await readJson(req));
        sandbox.clearNotOnWhatsApp(phone);
        return { ok: true };
      }
      case 'POST drop':
      case 'POST freeze':
      case 'POST logout':
      case 'POST ban':
      case 'POST unban': {
        const { phone } = parse(phoneRequest, await readJson(req));
        await scenario(() => {
          if (resource === 'drop') sandbox.dropConnection(phone);
          else if (resource === 'freeze') sandbox.freezeConnection(phone);
          else if (resource === 'logout') sandbox.logout(phone);
          else if (resource === 'ban') sandbox.ban(phone);
          else sandbox.unban(phone);
        });
        return { ok: true };
      }
      case 'GET devices/:param':
        return sandbox.linkedDevices(pathPhone());
      case 'GET groups': {
        const phone = query.get('phone');
        return sandbox.groups(phone === null ? undefined : parse(phoneSchema, phone));
      }
      case 'POST groups': {
        const body = parse(createGroupRequest, await readJson(req));
        return scenario(() => sandbox.createGroup(body.creator, body.subject, body.participants));
      }
      case 'GET groups/:param': {
        const group = sandbox.group(pathGroup());
        if (!group) {
          throw new HttpError(404, 'no such group');
        }
        return group;
      }
      case 'POST groups/:param': {
        if (param !== 'join') throw new HttpError(404, `no control route ${method} ${CONTROL_PREFIX}/${segments.join('/')}`);
        const body = parse(joinGroupRequest, await readJson(req));
        return scenario(() => sandbox.joinGroup(body.phone, body.code));
      }
      case 'GET group-messages/:param':
        return sandbox.groupMessages(pathPhone(), queryGroup());
      case 'GET group-notifications/:param':
        return sandbox.groupNotifications(pathPhone(), queryGroup());
      case 'POST wait-group-message': {
        const body = parse(waitGroupMessageRequest, await readJson(req));
        const groupJid = body.groupId === undefined ? undefined : `${body.groupId.replace(/@g\.us$/, '')}@g.us`;
        return scenario(() =>
          sandbox.waitForGroupMessage(
            body.phone,
            m =>
              (groupJid === undefined || m.groupId === groupJid) &&
              (body.id === undefined || m.id === body.id) &&
              (body.from === undefined || m.from === body.from) &&
              (body.text === undefined || m.text.includes(body.text)),
            body.timeoutMs,
          ),
        );
      }
      case 'POST group-add-privacy': {
        const body = parse(groupAddPrivacyRequest, await readJson(req));
        await scenario(() => sandbox.setGroupAddRestricted(body.phone, body.restricted));
        return { ok: true };
      }
      default:
        throw new HttpError(404, `no control route ${method} ${CONTROL_PREFIX}/${segments.join('/')}`);
    }
  };

  /** `POST /control/groups/:gid/<action>`: what a member's phone does in a group. */
  const groupAction = async (groupId: string, action: string, req: IncomingMessage): Promise<unknown> => {
    switch (action) {
      case 'participants': {
        const body = parse(groupParticipantsRequest, await readJson(req));
        return scenario(() => sandbox.updateGroupParticipants(body.actor, groupId, body.action, body.phones));
      }
      case 'subject': {
        const body = parse(groupSubjectRequest, await readJson(req));
        await scenario(() => sandbox.setGroupSubject(body.actor, groupId, body.subject));
        return { ok: true };
      }
      case 'description': {
        const body = parse(groupDescriptionRequest, await readJson(req));
        await scenario(() => sandbox.setGroupDescription(body.actor, groupId, body.description));
        return { ok: true };
      }
      case 'invite': {
        const body = parse(groupInviteRequest, await readJson(req));
        const code = await scenario(() =>
          body.revoke ? sandbox.revokeGroupInvite(body.actor, groupId) : sandbox.groupInviteCode(body.actor, groupId),
        );
        return { code };
      }
      case 'leave': {
        const { phone } = parse(phoneRequest, await readJson(req));
        await scenario(() => sandbox.leaveGroup(phone, groupId));
        return { ok: true };
      }
      case 'listen': {
        const body = parse(groupListenRequest, await readJson(req));
        await scenario(() => sandbox.listenToGroup(body.phone, groupId, body.listening));
        return { ok: true };
      }
      case 'send': {
        const body = parse(sendGroupRequest, await readJson(req));
        const opts = body.mentions !== undefined ? { mentions: body.mentions } : {};
        return { id: await scenario(() => sandbox.sendGroupText(body.from, groupId, body.text, opts)) };
      }
      case 'send-media': {
        const body = parse(sendGroupMediaRequest, await readJson(req, SEND_MEDIA_MAX_BODY_BYTES));
        return { id: await scenario(() => sandbox.sendGroupMedia(body.from, groupId, mediaInput(body))) };
      }
      default:
        throw new HttpError(404, `no control route POST ${CONTROL_PREFIX}/groups/${groupId}/${action}`);
    }
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname !== CONTROL_PREFIX && !url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      return false;
    }
    try {
      if (opts.token !== undefined && !tokenMatches(req.headers.authorization, opts.token)) {
        throw new HttpError(401, 'missing or wrong control token');
      }
      refuseBrowserForgery(req);
      const body = await route(req.method ?? 'GET', url.pathname.slice(CONTROL_PREFIX.length), req, url.searchParams);
      if (body instanceof RawBody) {
        res.writeHead(200, {
          'content-type': body.contentType,
          'content-length': body.bytes.length.toString(),
          'cache-control': 'no-store',
          // The mimetype comes from whoever sent the media: never let it run as a page on this origin.
          'content-security-policy': "default-src 'none'; sandbox",
          'x-content-type-options': 'nosniff',
        });
        res.end(body.bytes);
      } else {
        send(res, 200, body);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        send(res, error.status, { error: error.message, ...(error.issues ? { issues: error.issues } : {}) } satisfies ControlError);
      } else {
        send(res, 500, { error: 'internal sandbox error' } satisfies ControlError);
      }
    }
    return true;
  };
};
