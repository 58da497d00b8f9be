import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";
import { trpcQuery } from "./helpers/trpc";

/**
 * The whole journey of a device, in order: an admin provisions it for a user; the user connects it, watches the QR
 * rotate, a sandbox phone scans it and the status turns Connected live; then a message goes out and its receipts
 * come back live.
 */
test.describe.serial("device lifecycle", () => {
  const deviceName = `E2E line ${Date.now().toString(36)}`;
  const phone = randomSandboxPhone();
  let deviceId = "";
  let userPage: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, userState, baseURL }) => {
    const context = await browser.newContext({ baseURL, storageState: userState });
    userPage = await context.newPage();
    consoleErrors = collectConsoleErrors(userPage);
  });

  test.afterAll(async () => {
    await userPage.context().close();
  });

  test("an admin creates a device for the user", async ({ adminPage }) => {
    await adminPage.goto("/admin/devices");
    await expect(adminPage.getByRole("heading", { name: "All devices" })).toBeVisible();
    await adminPage.getByRole("button", { name: "New device" }).click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create device" }).click();
    await expect(dialog.getByText("This field is required.").first()).toBeVisible();

    await dialog.getByRole("combobox", { name: "Owner" }).click();
    await adminPage.getByRole("option", { name: new RegExp(E2E_USERS.user.email) }).click();
    await dialog.getByLabel("Device name").fill(deviceName);
    await dialog.getByRole("button", { name: "Create device" }).click();
    await expect(dialog).toBeHidden();

    const row = adminPage.getByTestId("device-row").filter({ hasText: deviceName });
    await expect(row).toBeVisible();
    await expect(row).toContainText(E2E_USERS.user.email);
    await expect(row.getByTestId("device-status")).toHaveText("Disconnected");
    deviceId = (await row.getAttribute("data-device-id")) ?? "";
    expect(deviceId).not.toBe("");
  });

  test("the user connects and sees the QR appear, then rotate live", async () => {
    test.setTimeout(150_000);
    await userPage.goto("/devices");
    await userPage.getByRole("link", { name: deviceName }).click();
    await expect(userPage.getByRole("heading", { name: deviceName })).toBeVisible();
    await expect(userPage.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

    await userPage.getByRole("button", { name: "Connect" }).click();
    const qr = userPage.getByTestId("device-qr");
    await expect(qr).toBeVisible();
    await expect(userPage.getByTestId("device-status").first()).toHaveText("Waiting for scan");
    const first = await qr.getAttribute("src");
    expect(first).toMatch(/^data:image\/png;base64,/);
    // Baileys keeps the first QR for up to 60 s; the next one must replace it without a reload.
    await expect(qr).not.toHaveAttribute("src", first ?? "", { timeout: 90_000 });
    await expect(qr).toHaveAttribute("src", /^data:image\/png;base64,/);
  });

  test("a sandbox phone scans the QR and the device turns Connected live", async () => {
    const control = sandboxControl();
    await control.createAccount({ phone, name: "E2E Phone" });
    const current = await trpcQuery<{ qr: string | null }>(userPage.request, "device.qr", { deviceId });
    expect(current.qr).toBeTruthy();
    await control.scanQR(current.qr ?? "", phone);

    await expect(userPage.getByTestId("device-status").first()).toHaveText("Connected", { timeout: 30_000 });
    await expect(userPage.getByTestId("device-linked")).toBeVisible();
    await expect(userPage.getByTestId("device-phone")).toContainText(phone);
  });

  test("a message sent from /send-message is delivered, then read, live", async () => {
    const contact = randomSandboxPhone();
    await userPage.goto("/send-message");
    await expect(userPage.getByRole("combobox", { name: "From device" })).toContainText(deviceName);
    await userPage.getByLabel("To (phone number)").fill(`+${contact}`);
    await userPage.getByLabel("Message").fill("Hello from the e2e suite");
    await userPage.getByRole("button", { name: "Send" }).click();

    const result = userPage.getByTestId("send-result");
    await expect(result).toBeVisible();
    await expect(result.getByTestId("message-status")).toHaveText(/Sent|Delivered|Read/);
    await expect(result.getByTestId("message-status")).toHaveText("Read", { timeout: 30_000 });

    await userPage.goto(`/devices/${encodeURIComponent(deviceId)}`);
    const row = userPage.getByTestId("message-row").filter({ hasText: "Hello from the e2e suite" });
    await expect(row.getByTestId("message-status")).toHaveText("Read");
    expect(consoleErrors).toEqual([]);
  });

  test("in Indonesian the sent message's journey fits a phone and the wide layout's status card", async () => {
    await userPage.setViewportSize({ width: 390, height: 844 });
    await userPage.goto("/send-message");
    await userPage.getByTestId("language-switch").click();
    await userPage.getByRole("menuitemradio", { name: "Bahasa Indonesia" }).click();
    await expect(userPage.getByRole("combobox", { name: "Dari perangkat" })).toContainText(deviceName);
    await userPage.getByLabel("Kepada (nomor telepon)").fill(`+${randomSandboxPhone()}`);
    await userPage.getByLabel("Pesan", { exact: true }).fill("Pesanan Anda sudah dikirim");
    await userPage.getByRole("button", { name: "Kirim", exact: true }).click();

    const result = userPage.getByTestId("send-result");
    await expect(result.getByTestId("message-status")).toHaveText("Dibaca", { timeout: 30_000 });
    // The four steps' labels are wider than the card side by side: they must not widen the page.
    await result.scrollIntoViewIfNeeded();
    await expect(result.getByText("Menunggu", { exact: true })).toBeInViewport({ ratio: 1 });
    await expect(result.getByText("Dibaca", { exact: true }).last()).toBeInViewport({ ratio: 1 });
    expect(await userPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // On a wide screen the status card is a narrow column: the last step stays inside it.
    await userPage.setViewportSize({ width: 1280, height: 900 });
    const card = await result.boundingBox();
    const last = await result.getByText("Dibaca", { exact: true }).last().boundingBox();
    expect(card && last && last.x + last.width <= card.x + card.width).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
