import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { expect, test, E2E_USERS } from "./helpers/fixtures";
import { makePdf, makePng, sha256 } from "../tests/helpers/media-files";
import { createPairedDevice } from "./helpers/paired-device";
import { inboxEntryWithMedia, randomSandboxPhone, sandboxControl } from "./helpers/sandbox";
import { trpcQuery } from "./helpers/trpc";

/** Resolves once the <img> has decoded real pixels (a broken or blocked image has naturalWidth 0). */
async function expectImageLoaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)), { timeout: 15_000 }).toBeGreaterThan(0);
}

/**
 * Media end to end through the sandbox: a photo from /send-message reaches the contact's phone byte for byte, files
 * that cannot be sent are refused with a translated reason, a contact's photo and document show up live in the device
 * chat (the photo renders, the document downloads), a photo goes out from the chat composer, and the sandbox console
 * sends a file as the contact.
 */
test.describe.serial("media", () => {
  const contactPhone = randomSandboxPhone();
  const tag = Date.now().toString(36);
  const contactJid = `${contactPhone}@s.whatsapp.net`;
  let deviceId = "";
  let devicePhone = "";
  let userPage: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, userState, adminState, baseURL }) => {
    test.setTimeout(120_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    const context = await browser.newContext({ baseURL, storageState: userState });
    userPage = await context.newPage();
    consoleErrors = collectConsoleErrors(userPage);
    const paired = await createPairedDevice({
      adminRequest: adminContext.request,
      ownerRequest: userPage.request,
      ownerEmail: E2E_USERS.user.email,
      deviceName: `Media line ${tag}`,
    });
    deviceId = paired.deviceId;
    devicePhone = paired.phone;
    await adminContext.close();
    await sandboxControl().createAccount({ phone: contactPhone, name: "Sari Pelanggan" });
  });

  test.afterAll(async () => {
    await userPage.context().close();
  });

  test("/send-message sends a photo with a caption; the status reaches delivered and the contact's phone has the same bytes", async () => {
    const png = makePng(32, 20);
    const caption = `Foto kemeja biru ${tag}`;
    await userPage.goto("/send-message");
    await expect(userPage.getByRole("combobox", { name: "From device" })).toContainText(`Media line ${tag}`);
    await userPage.getByLabel("To (phone number)").fill(`+${contactPhone}`);
    await userPage.getByRole("tab", { name: "Media" }).click();
    await expect(userPage.getByText("Up to 16 MB for images", { exact: false })).toBeVisible();

    await userPage.getByTestId("media-file-input").setInputFiles({ name: "kemeja-biru.png", mimeType: "image/png", buffer: png });
    const selected = userPage.getByTestId("media-selected");
    await expect(selected.getByTestId("media-file-name")).toHaveText("kemeja-biru.png");
    await expectImageLoaded(selected.getByTestId("media-preview-image"));
    await expect(selected.getByTestId("media-upload-status")).toHaveAttribute("data-state", "done");
    await expect(selected.getByTestId("media-kind")).toHaveAttribute("data-kind", "image");
    await expect(userPage.getByRole("switch", { name: "Send as a document" })).toBeVisible();
    await userPage.getByLabel("Caption").fill(caption);
    await expect(userPage.getByText(`${caption.length}/1024 characters`)).toBeVisible();
    await userPage.getByRole("button", { name: "Send", exact: true }).click();

    const result = userPage.getByTestId("send-result");
    await expect(result.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 30_000 });
    await expect(result).toContainText(caption);
    await expectImageLoaded(result.getByTestId("media-image"));
    // The form is ready for the next file.
    await expect(userPage.getByTestId("media-selected")).toHaveCount(0);
    await expect(userPage.getByLabel("Caption")).toHaveValue("");

    const entry = await inboxEntryWithMedia(contactPhone, sha256(png));
    expect(entry.media?.kind).toBe("image");
    expect(entry.media?.error).toBeUndefined();
    expect(entry.text).toBe(caption);
    expect(Buffer.from(await sandboxControl().inboxMedia(contactPhone, entry.id)).equals(png)).toBe(true);
  });

  test("a file over its kind's limit is refused before uploading, and an empty file by the server, in the reader's language", async () => {
    const limits = await trpcQuery<{ image: number }>(userPage.request, "message.mediaLimits", undefined);
    const uploads: string[] = [];
    const onRequest = (request: { method: () => string; url: () => string }) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/media") uploads.push(request.url());
    };
    userPage.on("request", onRequest);
    try {
      await userPage.goto("/send-message");
      await userPage.getByRole("tab", { name: "Media" }).click();
      const tooLarge = Buffer.alloc(limits.image + 1024 * 1024);
      makePng().copy(tooLarge);
      await userPage.getByTestId("media-file-input").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: tooLarge });
      await expect(userPage.locator("#media-file-error")).toHaveText("This file is too large (17 MB). Images can be at most 16 MB.");
      await expect(userPage.getByTestId("media-upload-status")).toHaveCount(0);
      expect(uploads).toEqual([]);

      // The same page in Indonesian: the server's refusal of an empty file comes back translated.
      await userPage.context().addCookies([{ name: "sb-locale", value: "id", url: new URL(userPage.url()).origin }]);
      await userPage.reload();
      await userPage.getByRole("tab", { name: "Media" }).click();
      await userPage.getByTestId("media-file-input").setInputFiles({ name: "kosong.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
      await expect(userPage.locator("#media-file-error")).toHaveText("Berkas ini kosong.");
      expect(uploads).toHaveLength(1);
      await userPage.getByLabel("Kepada (nomor telepon)").fill(`+${contactPhone}`);
      await userPage.getByRole("button", { name: "Kirim", exact: true }).click();
      await expect(userPage.locator("#media-file-error")).toHaveText("Berkas ini kosong.");
      await expect(userPage.getByTestId("send-result")).toHaveCount(0);
      // Chromium logs the server's 400 for the empty file as a console error; that one is expected, nothing else is.
      const unexpected = consoleErrors.filter((e) => !/status of 400 .*\/api\/media\)$/.test(e));
      expect(unexpected).toEqual([]);
      consoleErrors.length = 0;
    } finally {
      userPage.off("request", onRequest);
      await userPage.context().clearCookies({ name: "sb-locale" });
    }
  });

  test("a contact's photo and document appear live in the device chat; the photo renders and the document downloads", async () => {
    const control = sandboxControl();
    await userPage.goto(`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(contactJid)}`);
    await expect(userPage.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
    const conversation = userPage.getByTestId("conversation");
    await expect(conversation.getByTestId("chat-bubble").first()).toBeVisible();

    const photo = makePng(40, 30);
    const photoCaption = `Ini fotonya kak ${tag}`;
    await control.sendMedia(contactPhone, devicePhone, { kind: "image", data: photo, mimetype: "image/png", caption: photoCaption });
    const photoBubble = conversation.locator('[data-testid="chat-bubble"][data-type="image"][data-direction="incoming"]').filter({ hasText: photoCaption });
    const image = photoBubble.getByTestId("media-image");
    await expectImageLoaded(image);
    await expect(image).toHaveAttribute("alt", photoCaption);
    await photoBubble.getByRole("button", { name: `Open ${photoCaption} at full size` }).click();
    const dialog = userPage.getByRole("dialog");
    await expectImageLoaded(dialog.getByRole("img", { name: photoCaption }));
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await expect(dialog).toBeHidden();

    const pdf = makePdf(`Katalog ${tag}`);
    const fileName = `katalog-${tag}.pdf`;
    await control.sendMedia(contactPhone, devicePhone, { kind: "document", data: pdf, mimetype: "application/pdf", fileName });
    const docBubble = conversation.locator('[data-testid="chat-bubble"][data-type="document"]').filter({ hasText: fileName });
    await expect(docBubble.getByTestId("media-document")).toContainText("PDF");
    const downloading = userPage.waitForEvent("download");
    await docBubble.getByRole("link", { name: `Download ${fileName}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(fileName);
    expect((await readFile(await download.path())).equals(pdf)).toBe(true);
  });

  test("a photo attached in the chat composer goes out with the typed text as its caption and is read", async () => {
    const conversation = userPage.getByTestId("conversation");
    const png = makePng(20, 20);
    const caption = `Siap, ini contoh warnanya ${tag}`;
    await conversation.getByTestId("composer-file-input").setInputFiles({ name: "warna.png", mimeType: "image/png", buffer: png });
    const attachment = conversation.getByTestId("composer-attachment");
    await expect(attachment.getByTestId("media-file-name")).toHaveText("warna.png");
    await expect(attachment.getByTestId("media-upload-status")).toHaveAttribute("data-state", "done");
    const composer = conversation.getByLabel("Message");
    await expect(composer).toHaveAttribute("placeholder", "Add a caption");
    await composer.fill(caption);
    await composer.press("Enter");
    await expect(attachment).toHaveCount(0);
    await expect(composer).toHaveValue("");

    const bubble = conversation.locator('[data-testid="chat-bubble"][data-type="image"][data-direction="outgoing"]').filter({ hasText: caption });
    await expectImageLoaded(bubble.getByTestId("media-image"));
    await expect(bubble).toHaveAttribute("data-status", "read", { timeout: 30_000 });
    const entry = await inboxEntryWithMedia(contactPhone, sha256(png));
    expect(entry.text).toBe(caption);

    // Chat history lists media messages with their kind and a download link.
    await userPage.goto("/chat-history");
    await userPage.getByLabel("Contact").fill(`+${contactPhone}`);
    await userPage.getByRole("button", { name: "Search" }).click();
    const row = userPage.getByTestId("history-row").filter({ hasText: caption });
    await expect(row.getByTestId("media-tag")).toHaveAttribute("data-kind", "image");
    await expect(row.getByTestId("media-download")).toHaveAttribute("href", /^\/api\/media\/\d+\?download=1$/);
    const docRow = userPage.getByTestId("history-row").filter({ hasText: `katalog-${tag}.pdf` });
    await expect(docRow.getByTestId("media-tag")).toHaveAttribute("data-kind", "document");
    expect(consoleErrors).toEqual([]);
  });

  test("the sandbox console sends a file as the contact, and the device receives it", async ({ adminPage: page }) => {
    const errors = collectConsoleErrors(page);
    const png = makePng(16, 16);
    const caption = `Dari konsol ${tag}`;
    await page.goto("/sandbox");
    await page.getByRole("button", { name: new RegExp(`\\+${contactPhone}`) }).click();
    await page.locator("#sandbox-to").click();
    await page.getByRole("option", { name: new RegExp(`Media line ${tag}`) }).click();
    await page.locator("#sandbox-text").fill(caption);
    await page.locator("#sandbox-file").setInputFiles({ name: "konsol.png", mimeType: "image/png", buffer: png });
    await expect(page.getByTestId("sandbox-file-name")).toContainText("konsol.png");
    await page.getByRole("button", { name: "Send as contact" }).click();
    await expect(page.getByText("Message sent; watch it arrive on the device.")).toBeVisible();
    await expect(page.getByTestId("sandbox-file-name")).toHaveCount(0);

    await page.getByRole("tab", { name: "Sent by this account" }).click();
    await expect(page.getByRole("tabpanel").getByTestId("sandbox-media").first()).toBeVisible();

    await expect
      .poll(async () => {
        const history = await trpcQuery<{ items: Array<{ type: string; content: string | null; media: { sha256?: string; size: number } | null }> }>(
          userPage.request,
          "chat.history",
          { deviceId, chatJid: contactJid, limit: 10 },
        );
        return history.items.find((m) => m.content === caption)?.media?.size ?? 0;
      }, { timeout: 30_000 })
      .toBe(png.length);
    expect(errors).toEqual([]);
  });
});
