import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { makeOggOpus, makePng, sha256 } from "../tests/helpers/media-files";
import { createPairedDevice } from "./helpers/paired-device";
import { inboxEntryWithMedia, randomSandboxPhone, sandboxControl } from "./helpers/sandbox";
import { wallClock } from "./helpers/wall-clock";

const ZONE = "Asia/Jakarta";

/**
 * Scheduled messages with a file: a photo with a caption scheduled a few seconds ahead is listed with its file, turns
 * sent live and reaches the contact byte for byte; a caption over WhatsApp's limit is refused on the form; an audio
 * file takes no caption (the field gives way to an explanation, the typed text stays for later) and no voice-note
 * option.
 */
test.describe.serial("scheduled messages with a file", () => {
  const tag = Date.now().toString(36);
  const deviceName = `Schedule media line ${tag}`;
  const contactPhone = randomSandboxPhone();
  let page: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, userState, adminState, baseURL }) => {
    test.setTimeout(120_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    const userContext = await browser.newContext({ baseURL, storageState: userState, timezoneId: ZONE });
    await createPairedDevice({ adminRequest: adminContext.request, ownerRequest: userContext.request, ownerEmail: E2E_USERS.user.email, deviceName });
    await adminContext.close();
    await sandboxControl().createAccount({ phone: contactPhone, name: "Budi Pelanggan" });
    page = await userContext.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const schedule = () => page.getByRole("button", { name: "Schedule", exact: true }).click();

  test("a photo with a caption is listed with its file, sent live when due, and the contact gets the same bytes", async () => {
    const png = makePng(30, 18);
    const fileName = `brosur-${tag}.png`;
    const caption = `Brosur promo minggu ini ${tag}`;
    await page.goto("/schedule-message");
    await expect(page.getByLabel("From device")).toContainText(deviceName);
    await page.getByLabel("To (phone number)").fill(`+${contactPhone}`);
    await expect(page.getByLabel("Message", { exact: true })).toBeVisible();
    await expect(page.getByText("Up to 16 MB for images", { exact: false })).toBeVisible();

    await page.getByTestId("media-file-input").setInputFiles({ name: fileName, mimeType: "image/png", buffer: png });
    const selected = page.getByTestId("media-selected");
    await expect(selected.getByTestId("media-file-name")).toHaveText(fileName);
    await expect(selected.getByTestId("media-upload-status")).toHaveAttribute("data-state", "done");
    await expect(selected.getByTestId("media-kind")).toHaveAttribute("data-kind", "image");
    await expect(page.getByTestId("media-preview-image")).toBeVisible();
    // With a file the text is its optional caption; photos may go as documents; voice notes are never offered here.
    await expect(page.getByLabel("Message", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("switch", { name: "Send as a document" })).toHaveAttribute("aria-checked", "false");
    await expect(page.getByRole("switch", { name: "Send as a voice note" })).toHaveCount(0);
    await page.getByLabel("Caption (optional)").fill(caption);
    await expect(page.getByText(`${caption.length}/1024 characters`)).toBeVisible();

    // At phone width the form still fits: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("media-selected")).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByLabel("Date and time").fill(wallClock(new Date(Date.now() + 12_000), ZONE, true));
    await schedule();
    await expect(page.getByText(/^Message scheduled for/)).toBeVisible();
    // The form is ready for the next message.
    await expect(page.getByTestId("media-selected")).toHaveCount(0);
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("");
    await expect(page.getByRole("switch", { name: "Send as a document" })).toHaveCount(0);

    const row = page.getByTestId("scheduled-row").filter({ hasText: caption });
    await expect(row).toHaveAttribute("data-status", "pending");
    await expect(row.getByTestId("scheduled-text")).toHaveText(caption);
    const mediaTag = row.getByTestId("media-tag");
    await expect(mediaTag).toHaveAttribute("data-kind", "image");
    await expect(mediaTag).toHaveAttribute("data-available", "true");
    await expect(mediaTag).toContainText(fileName);
    const download = row.getByRole("link", { name: `Download ${fileName}` });
    await expect(download).toHaveAttribute("href", /^\/api\/media\/\d+\?download=1$/);
    const served = await page.request.get((await download.getAttribute("href"))!);
    expect(served.ok()).toBe(true);
    expect((await served.body()).equals(png)).toBe(true);

    // No reload: the runner's scheduled.status event refreshes the list.
    await expect(row).toHaveAttribute("data-status", "sent", { timeout: 45_000 });
    await expect(row.getByTestId("scheduled-status")).toHaveText("Sent");
    await expect(row.getByTestId("media-tag")).toHaveAttribute("data-kind", "image");

    const entry = await inboxEntryWithMedia(contactPhone, sha256(png));
    expect(entry.media?.kind).toBe("image");
    expect(entry.media?.error).toBeUndefined();
    expect(entry.text).toBe(caption);
    expect(Buffer.from(await sandboxControl().inboxMedia(contactPhone, entry.id)).equals(png)).toBe(true);
  });

  test("a caption over 1024 characters is refused on the form", async () => {
    await page.getByTestId("media-file-input").setInputFiles({ name: `panjang-${tag}.png`, mimeType: "image/png", buffer: makePng(8, 8) });
    await expect(page.getByTestId("media-upload-status")).toHaveAttribute("data-state", "done");
    await page.getByLabel("Caption (optional)").fill("x".repeat(1025));
    await page.getByLabel("Date and time").fill(wallClock(new Date(Date.now() + 24 * 3600_000), ZONE, false));
    await schedule();
    await expect(page.locator("#text-error")).toHaveText("Must be at most 1024 characters.");
    await expect(page.getByLabel("Caption (optional)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/^Message scheduled for/)).toHaveCount(0);
    await page.getByRole("button", { name: "Remove the file" }).click();
    await expect(page.getByTestId("media-selected")).toHaveCount(0);
    await expect(page.getByLabel("Message", { exact: true })).toBeVisible();
  });

  test("an audio file takes no caption: the text is not sent with it and stays for later", async () => {
    const text = `Jangan lupa datang besok ${tag}`;
    const fileName = `pengumuman-${tag}.ogg`;
    await page.getByLabel("Message", { exact: true }).fill(text);
    await page.getByTestId("media-file-input").setInputFiles({ name: fileName, mimeType: "audio/ogg", buffer: makeOggOpus() });
    const selected = page.getByTestId("media-selected");
    await expect(selected.getByTestId("media-upload-status")).toHaveAttribute("data-state", "done");
    await expect(selected.getByTestId("media-kind")).toHaveAttribute("data-kind", "audio");

    const note = page.getByTestId("media-no-caption");
    await expect(note).toContainText("Audio files are sent without a caption.");
    await expect(note).toContainText("The text you wrote is not sent with an audio file.");
    await expect(page.getByLabel("Caption (optional)")).toHaveCount(0);
    await expect(page.getByLabel("Message", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("switch")).toHaveCount(0);

    await page.getByLabel("Date and time").fill(wallClock(new Date(Date.now() + 7 * 24 * 3600_000), ZONE, false));
    await schedule();
    await expect(page.getByText(/^Message scheduled for/).first()).toBeVisible();
    await expect(page.getByTestId("media-selected")).toHaveCount(0);
    // The audio went alone; the text is still there to schedule on its own.
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue(text);

    const row = page.getByTestId("scheduled-row").filter({ hasText: fileName });
    await expect(row).toHaveAttribute("data-status", "pending");
    await expect(row.getByTestId("media-tag")).toHaveAttribute("data-kind", "audio");
    await expect(row.getByTestId("scheduled-text")).toHaveCount(0);
    await expect(row).not.toContainText(text);

    await row.getByRole("button", { name: `Cancel the message to +${contactPhone}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel message" }).click();
    await expect(row).toHaveAttribute("data-status", "cancelled");
    // The audio preview plays from a blob: URL, which the CSP allows (media-src): nothing may be logged.
    expect(consoleErrors).toEqual([]);
  });
});
