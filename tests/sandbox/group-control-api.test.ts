import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSandboxControlClient, SandboxControlError, type SandboxControlClient } from '@/sandbox/control-client';
import type { SandboxBaileysClient } from '@/sandbox/testing/baileys-client';

import { startHarness, type Harness } from './helpers';
import { makePng } from './media-fixtures';

const SHOP = '15551260001';
const BUDI = '15551260002';
const CITRA = '15551260003';
const DEWI = '15551260004';

describe('sandbox control API: groups', () => {
  let h: Harness;
  let control: SandboxControlClient;
  let shop: SandboxBaileysClient;

  beforeAll(async () => {
    h = await startHarness();
    control = createSandboxControlClient(h.sandbox.controlUrl);
    shop = await h.pairedClient(SHOP, 'Shop');
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates a group from a phone, changes it and lists it per phone', async () => {
    const group = await control.createGroup(BUDI, 'Arisan', [SHOP, CITRA]);
    expect(group).toMatchObject({ subject: 'Arisan', creator: BUDI, participants: [{ phone: BUDI, role: 'superadmin' }, { phone: SHOP }, { phone: CITRA }] });
    expect((await control.groups(SHOP)).map(g => g.id)).toEqual([group.id]);
    expect(await control.group(group.id.replace('@g.us', ''))).toMatchObject({ id: group.id });
    expect(await control.group('120363000000000001')).toBeUndefined();

    await control.setGroupAddRestricted(DEWI, true);
    expect(await control.updateGroupParticipants(BUDI, group.id, 'add', [DEWI, CITRA])).toEqual([
      { phone: DEWI, status: 403 },
      { phone: CITRA, status: 409 },
    ]);
    await control.setGroupAddRestricted(DEWI, false);
    expect(await control.updateGroupParticipants(BUDI, group.id, 'add', [DEWI])).toEqual([{ phone: DEWI, status: 200 }]);
    expect(await control.updateGroupParticipants(BUDI, group.id, 'promote', [SHOP])).toEqual([{ phone: SHOP, status: 200 }]);
    // The device sees itself promoted.
    expect((await shop.socket.groupMetadata(group.id)).participants.find(p => p.phoneNumber === `${SHOP}@s.whatsapp.net`)?.admin).toBe('admin');

    await control.setGroupSubject(CITRA, group.id, 'Arisan RT 05');
    await control.setGroupDescription(BUDI, group.id, 'Tiap tanggal 5');
    expect(await control.group(group.id)).toMatchObject({ subject: 'Arisan RT 05', description: 'Tiap tanggal 5' });
    const code = await control.groupInviteCode(BUDI, group.id);
    const fresh = await control.revokeGroupInvite(BUDI, group.id);
    expect(fresh).not.toBe(code);
    await control.leaveGroup(DEWI, group.id);
    expect((await control.joinGroup(DEWI, fresh)).participants.map(p => p.phone)).toContain(DEWI);
    expect((await control.groupNotifications(DEWI, group.id)).map(n => n.type)).toEqual(['add', 'promote', 'subject', 'description', 'invite', 'remove', 'add']);
  });

  it('posts from a phone with mentions and media, and tells what each phone decrypted', async () => {
    const group = await control.createGroup(BUDI, 'Obrolan', [SHOP, CITRA, DEWI]);
    const id = await control.sendGroupText(BUDI, group.id, `@${SHOP} halo`, { mentions: [SHOP] });
    const received = await shop.waitForMessage(m => m.key.id === id);
    expect(received.message?.extendedTextMessage?.contextInfo?.mentionedJid).toEqual([h.sandbox.account(SHOP)!.lidJid]);
    expect(await control.waitForGroupMessage(CITRA, { groupId: group.id, id })).toMatchObject({ decrypted: true, text: `@${SHOP} halo` });

    const png = makePng(6, 6);
    const photo = await control.sendGroupMedia(BUDI, group.id, { kind: 'image', data: png, mimetype: 'image/png', caption: 'foto' });
    expect(await shop.download(await shop.waitForMessage(m => m.key.id === photo))).toEqual(png);

    await control.listenToGroup(DEWI, group.id);
    await control.updateGroupParticipants(BUDI, group.id, 'remove', [DEWI]);
    const after = await control.sendGroupText(BUDI, group.id, 'tanpa Dewi');
    expect(await control.waitForGroupMessage(DEWI, { id: after })).toMatchObject({ decrypted: false, member: false });
    const dewi = await control.groupMessages(DEWI, group.id);
    expect(dewi.map(m => [m.text, m.decrypted, m.member])).toEqual([
      [`@${SHOP} halo`, true, true],
      ['foto', true, true],
      ['', false, false],
    ]);
  });

  it('refuses bad input with 400 and what a phone may not do with 409', async () => {
    const reject = (p: Promise<unknown>) => p.then(() => undefined, (error: unknown) => error);
    const bad = await reject(control.groupMessages(BUDI, 'not-a-group'));
    expect(bad).toBeInstanceOf(SandboxControlError);
    expect((bad as SandboxControlError).status).toBe(400);
    expect(((await reject(control.createGroup(BUDI, ' ', [SHOP]))) as SandboxControlError).status).toBe(400);
    const group = await control.createGroup(BUDI, 'Batas', [CITRA]);
    const notAdmin = (await reject(control.updateGroupParticipants(CITRA, group.id, 'remove', [BUDI]))) as SandboxControlError;
    expect([notAdmin.status, notAdmin.message]).toEqual([409, `${CITRA} is not an admin of ${group.id}`]);
    const notMember = (await reject(control.sendGroupText(DEWI, group.id, 'halo'))) as SandboxControlError;
    expect(notMember.status).toBe(409);
    expect(((await reject(control.joinGroup(DEWI, 'WRONGCODE'))) as SandboxControlError).status).toBe(409);
  });
});
