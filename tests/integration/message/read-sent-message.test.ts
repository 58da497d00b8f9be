import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { messageSelect } from "../../../src/server/services/messages/message-select";
import { readSentMessage } from "../../../src/server/services/messages/read-sent-message";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

let owner: { id: number };
let device: { id: number };

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  device = await (await callerFor(await createUser("admin"))).device.create({ ownerId: owner.id });
});

describe("[MESSAGE][READ-SENT] the row a send returns", () => {
  it("is the same, field for field, as the API's message read: text and media, with and without a sender", async () => {
    const sender = await createUser();
    await db().user.update({ where: { id: sender.id }, data: { fullName: "Budi Santoso" } });
    const sha = "c".repeat(64);
    const media = await db().mediaFile.create({
      data: { ownerId: owner.id, kind: "document", mimeType: "application/pdf", size: 12_345, sha256: sha, storageKey: `cc/cc/${sha}`, source: "upload", fileName: "katalog.pdf" },
    });
    const base = { deviceId: device.id, ownerId: owner.id, chatJid: "6281@s.whatsapp.net", fromJid: "6280@s.whatsapp.net", toJid: "6281@s.whatsapp.net", direction: "outgoing" as const };
    const rows = await Promise.all([
      db().message.create({ data: { ...base, waMessageId: "3EB0AAA", type: "text", content: "Halo 👋 apa kabar?", status: "sent", origin: "manual", sentById: sender.id, timestamp: new Date("2026-12-03T01:02:03.000Z") } }),
      db().message.create({ data: { ...base, waMessageId: "3EB0BBB", type: "document", content: "caption", mediaId: media.id, status: "failed", error: "WhatsApp did not accept", origin: "job" } }),
    ]);
    for (const row of rows) {
      expect(await readSentMessage(row.id)).toEqual(await db().message.findUniqueOrThrow({ where: { id: row.id }, select: messageSelect }));
    }
  });
});
