import { existsSync } from "node:fs";
import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { mediaPath, mediaRoot } from "../../../src/server/services/media/media-store";
import { sweepMedia } from "../../../src/server/services/media/sweep-media";
import { createUser, type TestUser } from "../../helpers/actors";
import { uploadedMediaId } from "../../helpers/media-upload";
import { resetDb } from "../../helpers/db";
import { makePng } from "../../helpers/media-files";

const DAY = 24 * 3600_000;

async function upload(user: TestUser, bytes: Uint8Array): Promise<{ id: number; storageKey: string }> {
  const id = await uploadedMediaId(user, bytes, "f.png");
  return db().mediaFile.findUniqueOrThrow({ where: { id }, select: { id: true, storageKey: true } });
}

async function age(id: number, ms: number): Promise<void> {
  await db().mediaFile.update({ where: { id }, data: { createdAt: new Date(Date.now() - ms) } });
}

let owner: TestUser;
let other: TestUser;
beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  other = await createUser();
});

describe("[MEDIA][SWEEP]", () => {
  it("forgets old files no message uses, keeps used and recent ones, and deletes bytes only with their last row", async () => {
    const device = await db().device.create({ data: { deviceId: "device-sweep-1", deviceName: "Sweep", ownerId: owner.id } });
    const abandoned = await upload(owner, makePng(10, 10));
    const sent = await upload(owner, makePng(11, 11));
    const recent = await upload(owner, makePng(12, 12));
    const shared = makePng(13, 13);
    const sharedOld = await upload(owner, shared);
    const sharedKept = await upload(other, shared);
    for (const row of [abandoned, sent, sharedOld, sharedKept]) await age(row.id, 2 * DAY);
    await db().message.create({
      data: { deviceId: device.id, ownerId: owner.id, chatJid: "x@s.whatsapp.net", fromJid: "", toJid: "x@s.whatsapp.net", type: "image", direction: "outgoing", mediaId: sent.id },
    });
    await db().scheduledMessage.create({
      data: { ownerId: other.id, deviceId: device.id, target: "+628123", scheduleTime: new Date(), timezone: "UTC", mediaId: sharedKept.id, mediaType: "image" },
    });
    const received = (sha: string) =>
      db().mediaFile.create({
        data: { ownerId: owner.id, kind: "image", mimeType: "image/png", size: 1, sha256: sha, storageKey: `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`, source: "incoming", createdAt: new Date(Date.now() - 30 * DAY) },
      });
    const incomingShown = await received("a".repeat(64));
    const incomingOrphan = await received("b".repeat(64)); // its message went with its device
    await db().message.create({
      data: { deviceId: device.id, ownerId: owner.id, chatJid: "y@s.whatsapp.net", fromJid: "y@s.whatsapp.net", toJid: "", type: "image", direction: "incoming", mediaId: incomingShown.id },
    });

    const result = await sweepMedia({ unusedUploadMs: DAY });

    expect(result).toMatchObject({ deletedRows: 3, deletedFiles: 2 });
    const left = (await db().mediaFile.findMany({ select: { id: true } })).map((r) => r.id).sort((a, b) => a - b);
    expect(left).toEqual([sent.id, recent.id, sharedKept.id, incomingShown.id].sort((a, b) => a - b));
    expect(left).not.toContain(incomingOrphan.id);
    expect(existsSync(mediaPath(abandoned.storageKey))).toBe(false);
    expect(existsSync(mediaPath(sharedOld.storageKey))).toBe(true);
    expect(existsSync(mediaPath(sent.storageKey))).toBe(true);
    expect(existsSync(mediaPath(recent.storageKey))).toBe(true);
  });

  it("removes temp files a crashed upload left behind, and only old ones", async () => {
    const dir = path.join(mediaRoot(), "tmp");
    await mkdir(dir, { recursive: true });
    const stale = path.join(dir, "stale-upload");
    const live = path.join(dir, "live-upload");
    await writeFile(stale, "partial");
    await writeFile(live, "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);

    const result = await sweepMedia({ unusedUploadMs: DAY });

    expect(result.deletedTempFiles).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    await rm(live);
  });
});
