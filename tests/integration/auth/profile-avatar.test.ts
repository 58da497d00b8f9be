import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import type { SessionUser } from "../../../src/server/api/context";
import { db } from "../../../src/server/db";
import { removeAvatarResponse, serveAvatarResponse, uploadAvatarResponse } from "../../../src/server/services/users/avatar-http";
import { createUser, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { makePdf, makePng } from "../../helpers/media-files";

async function sessionOf(user: TestUser): Promise<SessionUser> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  return { id: user.id, role: user.role, sessionVersion };
}

async function upload(user: TestUser | null, bytes: Uint8Array, headers: Record<string, string> = { "x-file-name": "me.png" }): Promise<Response> {
  const request = new Request("http://app.test/api/profile/avatar", {
    method: "POST",
    body: bytes,
    // The client's claimed type is ignored: the bytes decide.
    headers: { "content-type": "image/png", ...headers },
    duplex: "half",
  } as RequestInit);
  return uploadAvatarResponse(user ? await sessionOf(user) : null, request);
}

let owner: TestUser;
let other: TestUser;
let admin: TestUser;

beforeEach(async () => {
  await resetDb();
  owner = await createUser("user");
  other = await createUser("user");
  admin = await createUser("admin");
});
afterEach(() => {
  delete process.env.MEDIA_MAX_IMAGE_MB;
  resetEnvCache();
});

describe("[AUTH][AVATAR] profile picture", () => {
  it("scales an upload to a 256 px square WebP, points the user at it and serves it to its owner and admins only", async () => {
    const res = await upload(owner, makePng(640, 360));
    expect(res.status).toBe(201);
    const { avatar } = (await res.json()) as { avatar: string };
    expect(avatar).toMatch(new RegExp(`^/api/avatars/${owner.id}\\?v=[0-9a-z]+$`));
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id } })).avatar).toBe(avatar);

    const served = await serveAvatarResponse(await sessionOf(owner), String(owner.id));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });

    expect((await serveAvatarResponse(await sessionOf(admin), String(owner.id))).status).toBe(200);
    // Another user's picture is as missing as one that does not exist.
    const hidden = await serveAvatarResponse(await sessionOf(other), String(owner.id));
    const missing = await serveAvatarResponse(await sessionOf(other), "999999");
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(await hidden.json()).toEqual(await missing.json());
    expect((await serveAvatarResponse(null, String(owner.id))).status).toBe(401);
  });

  it("refuses what is not an image by its bytes, a file over the image limit, an empty body and a broken image — and writes nothing", async () => {
    const before = await rowCounts();
    const pdf = await upload(owner, makePdf("not a picture"));
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({ code: "UNSUPPORTED_TYPE", error: "A profile picture must be a JPEG, PNG, WebP or GIF image" });
    const svg = await upload(owner, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(svg.status).toBe(415);

    process.env.MEDIA_MAX_IMAGE_MB = "0.05"; // 52,428 bytes
    resetEnvCache();
    const big = await upload(owner, makePng(200, 200)); // ~120 KB of noise
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: "TOO_LARGE", error: "This image is too large: the limit for images is 51 KB" });

    expect((await upload(owner, new Uint8Array())).status).toBe(400);
    const truncated = makePng(64, 64).subarray(0, 60); // a PNG signature and header, then nothing
    const broken = await upload(owner, truncated);
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: "This image could not be read; try another file" });
    expect((await upload(owner, makePng(), {})).status).toBe(400); // no X-File-Name: not our form
    expect((await upload(null, makePng())).status).toBe(401);

    expect(await rowCounts()).toEqual(before);
    expect(await db().userAvatar.count()).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id } })).avatar).toBeNull();
  });

  it("a new upload changes the URL; remove goes back to none", async () => {
    const first = ((await (await upload(owner, makePng(100, 100))).json()) as { avatar: string }).avatar;
    const second = ((await (await upload(owner, makePng(120, 80))).json()) as { avatar: string }).avatar;
    expect(second).not.toBe(first);
    expect(await db().userAvatar.count()).toBe(1);

    const removed = await removeAvatarResponse(await sessionOf(owner));
    expect(removed.status).toBe(204);
    expect(await db().userAvatar.count()).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id } })).avatar).toBeNull();
    expect((await serveAvatarResponse(await sessionOf(owner), String(owner.id))).status).toBe(404);
  });
});
