import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { GroupMetadata, GroupParticipant } from 'baileys';
import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox } from '@/sandbox';
import type { SandboxBaileysClient } from '@/sandbox/testing/baileys-client';

import { startHarness, type Harness } from './helpers';

const SHOP = '15551240001';
const BUDI = '15551240002';
const CITRA = '15551240003';
const DEWI = '15551240004';
const pn = (phone: string): string => `${phone}@s.whatsapp.net`;

type ParticipantsUpdate = { id: string; author: string; participants: GroupParticipant[]; action: string };

/** Waits for the device's next `group-participants.update` matching `action`. */
const participantsUpdate = (client: SandboxBaileysClient, action: string): Promise<ParticipantsUpdate> =>
  new Promise(resolve => {
    const listener = (update: ParticipantsUpdate): void => {
      if (update.action === action) {
        client.socket.ev.off('group-participants.update', listener);
        resolve(update);
      }
    };
    client.socket.ev.on('group-participants.update', listener);
  });

const groupsUpserted = (client: SandboxBaileysClient): Promise<GroupMetadata[]> =>
  new Promise(resolve => {
    const listener = (groups: GroupMetadata[]): void => {
      client.socket.ev.off('groups.upsert', listener);
      resolve(groups);
    };
    client.socket.ev.on('groups.upsert', listener);
  });

const groupsUpdate = (client: SandboxBaileysClient, match: (update: Partial<GroupMetadata>) => boolean): Promise<Partial<GroupMetadata>> =>
  new Promise(resolve => {
    const listener = (updates: Partial<GroupMetadata>[]): void => {
      const found = updates.find(match);
      if (found) {
        client.socket.ev.off('groups.update', listener);
        resolve(found);
      }
    };
    client.socket.ev.on('groups.update', listener);
  });

const roleOf = (meta: GroupMetadata, phone: string): string | null | undefined =>
  meta.participants.find(p => p.phoneNumber === pn(phone))?.admin;

describe('sandbox groups: a Baileys device manages a group', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('creates a LID group, reads its metadata back and lists it; members get the create notification', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const upserted = groupsUpserted(shop);

    const created = await shop.socket.groupCreate('Pelanggan setia', [pn(BUDI), pn(CITRA)]);

    const shopLid = h.sandbox.account(SHOP)!.lidJid;
    expect(created).toMatchObject({ subject: 'Pelanggan setia', addressingMode: 'lid', owner: shopLid, ownerPn: pn(SHOP), size: 3 });
    expect(created.id).toMatch(/^120363\d{12}@g\.us$/);
    expect(roleOf(created, SHOP)).toBe('superadmin');
    expect(roleOf(created, BUDI)).toBeNull();
    expect(created.participants.find(p => p.phoneNumber === pn(BUDI))?.id).toBe(h.sandbox.account(BUDI)!.lidJid);
    // The acting device hears of its own change too (WA-PROTOCOL G5).
    expect((await upserted)[0]).toMatchObject({ id: created.id, subject: 'Pelanggan setia', author: shopLid });

    const meta = await shop.socket.groupMetadata(created.id);
    expect(meta.participants.map(p => p.phoneNumber).sort()).toEqual([pn(BUDI), pn(CITRA), pn(SHOP)].sort());
    const all = await shop.socket.groupFetchAllParticipating();
    expect(Object.keys(all)).toEqual([created.id]);

    expect(h.sandbox.groups(BUDI).map(g => g.id)).toEqual([created.id]);
    expect(h.sandbox.groupNotifications(BUDI)).toMatchObject([{ groupId: created.id, type: 'create', actor: SHOP }]);
    expect(h.sandbox.group(created.id)).toMatchObject({
      subject: 'Pelanggan setia',
      creator: SHOP,
      participants: [
        { phone: SHOP, role: 'superadmin' },
        { phone: BUDI, role: 'member' },
        { phone: CITRA, role: 'member' },
      ],
    });
  });

  it('adds, promotes, demotes and removes members with a result per number and a notification each', async () => {
    h = await startHarness({ unknownNumbers: 'absent' });
    const shop = await h.pairedClient(SHOP, 'Shop');
    for (const phone of [BUDI, CITRA, DEWI]) h.sandbox.createAccount({ phone });
    const group = await shop.socket.groupCreate('Tim', [pn(BUDI)]);
    h.sandbox.setGroupAddRestricted(CITRA, true);

    const added = participantsUpdate(shop, 'add');
    const results = await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI), pn(BUDI), pn(CITRA), pn('15559999999')], 'add');
    expect(results.map(r => [r.jid, r.status])).toEqual([
      [pn(DEWI), '200'],
      [pn(BUDI), '409'],
      [pn(CITRA), '403'],
      [pn('15559999999'), '404'],
    ]);
    expect((await added).participants).toEqual([
      expect.objectContaining({ id: h.sandbox.account(DEWI)!.lidJid, phoneNumber: pn(DEWI), admin: null }),
    ]);

    const promoted = participantsUpdate(shop, 'promote');
    await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI)], 'promote');
    expect((await promoted).participants[0]).toMatchObject({ phoneNumber: pn(DEWI), admin: 'admin' });
    expect(roleOf(await shop.socket.groupMetadata(group.id), DEWI)).toBe('admin');

    // The promoted phone now acts as an admin: it may add, the device sees it.
    const addedByDewi = participantsUpdate(shop, 'add');
    h.sandbox.setGroupAddRestricted(CITRA, false);
    expect(h.sandbox.updateGroupParticipants(DEWI, group.id, 'add', [CITRA])).toEqual([{ phone: CITRA, status: 200 }]);
    expect((await addedByDewi).author).toBe(h.sandbox.account(DEWI)!.lidJid);

    const demoted = participantsUpdate(shop, 'demote');
    await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI)], 'demote');
    expect((await demoted).participants[0]).toMatchObject({ phoneNumber: pn(DEWI), admin: null });
    expect(() => h.sandbox.updateGroupParticipants(DEWI, group.id, 'remove', [BUDI])).toThrow(/not an admin/);

    const removed = participantsUpdate(shop, 'remove');
    await shop.socket.groupParticipantsUpdate(group.id, [pn(DEWI)], 'remove');
    expect((await removed).participants[0]).toMatchObject({ phoneNumber: pn(DEWI) });
    // The removed phone heard of its own removal, and is no longer in the group.
    expect(h.sandbox.groupNotifications(DEWI, group.id).map(n => n.type)).toEqual(['add', 'promote', 'add', 'demote', 'remove']);
    expect(h.sandbox.groups(DEWI)).toEqual([]);
    expect(h.sandbox.group(group.id)?.participants.map(p => p.phone)).toEqual([SHOP, BUDI, CITRA]);
  });

  it('refuses a non-admin device with 401 and a non-member with 403', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = h.sandbox.createGroup(BUDI, 'Keluarga', [SHOP]);

    await expect(shop.socket.groupParticipantsUpdate(group.id, [pn(CITRA)], 'add')).rejects.toMatchObject({ data: 401 });
    await expect(shop.socket.groupInviteCode(group.id)).rejects.toMatchObject({ data: 401 });
    const other = h.sandbox.createGroup(CITRA, 'Lain', [DEWI]);
    await expect(shop.socket.groupMetadata(other.id)).rejects.toMatchObject({ data: 403 });
    await expect(shop.socket.groupMetadata('120363000000000000@g.us')).rejects.toMatchObject({ data: 404 });
  });

  it('reads and revokes the invite code; a phone joins with it; subject and description changes reach the device', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Promo', [pn(BUDI)]);

    const code = await shop.socket.groupInviteCode(group.id);
    expect(code).toBe(h.sandbox.group(group.id)?.inviteCode);
    const inviteUpdate = groupsUpdate(shop, u => u.inviteCode !== undefined);
    const revoked = await shop.socket.groupRevokeInvite(group.id);
    expect(revoked).not.toBe(code);
    expect((await inviteUpdate).inviteCode).toBe(revoked);
    expect(() => h.sandbox.joinGroup(CITRA, code!)).toThrow(/invite code/);
    const joined = participantsUpdate(shop, 'add');
    h.sandbox.joinGroup(CITRA, revoked!);
    expect((await joined).participants[0]).toMatchObject({ phoneNumber: pn(CITRA) });

    const subjectUpdate = groupsUpdate(shop, u => u.subject !== undefined);
    await shop.socket.groupUpdateSubject(group.id, 'Promo ✓ Desember');
    expect(await subjectUpdate).toMatchObject({ id: group.id, subject: 'Promo ✓ Desember', author: h.sandbox.account(SHOP)!.lidJid });
    const descUpdate = groupsUpdate(shop, u => u.desc !== undefined);
    await shop.socket.groupUpdateDescription(group.id, 'Diskon tiap Jumat');
    expect((await descUpdate).desc).toBe('Diskon tiap Jumat');
    expect(await shop.socket.groupMetadata(group.id)).toMatchObject({ subject: 'Promo ✓ Desember', desc: 'Diskon tiap Jumat' });
    await expect(shop.socket.groupUpdateSubject(group.id, 'x'.repeat(101))).rejects.toMatchObject({ data: 406 });

    // A phone renames it: the device hears of it.
    const byBudi = groupsUpdate(shop, u => u.subject === 'Dari Budi');
    h.sandbox.setGroupSubject(BUDI, group.id, 'Dari Budi');
    expect((await byBudi).author).toBe(h.sandbox.account(BUDI)!.lidJid);
    expect(h.sandbox.groupNotifications(CITRA, group.id).map(n => n.type)).toEqual(['add', 'subject', 'description', 'subject']);
  });

  it('leaves a group: the members hear of it and the device no longer reads it', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const group = await shop.socket.groupCreate('Sementara', [pn(BUDI), pn(CITRA)]);

    const left = participantsUpdate(shop, 'remove');
    await shop.socket.groupLeave(group.id);
    expect((await left).participants[0]).toMatchObject({ phoneNumber: pn(SHOP) });
    expect(h.sandbox.groupNotifications(BUDI, group.id).at(-1)).toMatchObject({ type: 'remove', actor: SHOP, participants: [SHOP] });
    expect(h.sandbox.groups(SHOP)).toEqual([]);
    await expect(shop.socket.groupMetadata(group.id)).rejects.toMatchObject({ data: 403 });

    // A phone leaves another group the device is in.
    const other = await shop.socket.groupCreate('Lagi', [pn(BUDI)]);
    const budiLeft = participantsUpdate(shop, 'remove');
    h.sandbox.leaveGroup(BUDI, other.id);
    expect((await budiLeft).participants[0]).toMatchObject({ phoneNumber: pn(BUDI) });
    expect((await shop.socket.groupMetadata(other.id)).participants.map(p => p.phoneNumber)).toEqual([pn(SHOP)]);
  });

  it('tells the device when a phone creates a group with it', async () => {
    h = await startHarness();
    const shop = await h.pairedClient(SHOP, 'Shop');
    const upserted = groupsUpserted(shop);
    const group = h.sandbox.createGroup(BUDI, 'Dari Budi', [SHOP, CITRA]);
    expect((await upserted)[0]).toMatchObject({ id: group.id, subject: 'Dari Budi', owner: h.sandbox.account(BUDI)!.lidJid });
  });
});

describe('sandbox groups: a restart from the state file', () => {
  it('keeps groups, roles, notifications and every phone sender-key state', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-groups-'));
    const stateFile = path.join(dir, 'state.json');
    try {
      const first = await startSandbox({ stateFile });
      const group = first.createGroup(BUDI, 'Tetap', [CITRA, DEWI]);
      first.updateGroupParticipants(BUDI, group.id, 'promote', [CITRA]);
      const before = await first.sendGroupText(BUDI, group.id, 'sebelum restart');
      await first.waitForGroupMessage(CITRA, m => m.id === before);
      await first.close();

      const second = await startSandbox({ stateFile });
      try {
        expect(second.group(group.id)).toEqual({ ...group, participants: [group.participants[0], { ...group.participants[1], role: 'admin' }, group.participants[2]] });
        expect(second.groupNotifications(CITRA, group.id).map(n => n.type)).toEqual(['create', 'promote']);
        const after = await second.sendGroupText(BUDI, group.id, 'sesudah restart');
        // Same sender key, already distributed: the skmsg alone, and it decrypts.
        expect(await second.waitForGroupMessage(CITRA, m => m.id === after)).toMatchObject({ decrypted: true, encryption: ['skmsg'] });
        expect(second.groupMessages(CITRA, group.id).map(m => m.text)).toEqual(['sebelum restart', 'sesudah restart']);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
