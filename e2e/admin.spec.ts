import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice, trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

async function openActions(page: Page, username: string) {
  await page.getByRole("button", { name: `Actions: ${username}` }).click();
}

async function signInAs(browser: Browser, baseURL: string | undefined, identifier: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/auth/login");
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  return page;
}

/**
 * The admin side end to end: live statistics on /analytics from real sandbox traffic, an export download, the user
 * lifecycle (create → forced password change → lock → reset → delete), the audit log filters, and Indonesian at 390 px.
 */
test.describe.serial("administration", () => {
  // Several servers share this machine: the first render of a page can take long, so first waits get room.
  test.describe.configure({ timeout: 360_000 });
  const slow = { timeout: 60_000 };
  const suffix = Date.now().toString(36);
  const username = `e2e-${suffix}`;
  let adminPage: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, adminState, baseURL }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL, storageState: adminState });
    const { deviceId, phone: devicePhone } = await createPairedDevice({
      adminRequest: context.request,
      ownerRequest: context.request,
      ownerEmail: E2E_USERS.admin.email,
      deviceName: `Stats line ${suffix}`,
    });
    const contactPhone = randomSandboxPhone();
    const control = sandboxControl();
    await control.createAccount({ phone: contactPhone, name: "Pelanggan Statistik" });
    await control.sendText(contactPhone, devicePhone, `Halo ${suffix}`);
    await trpcMutation(context.request, "message.sendText", { deviceId, to: `+${contactPhone}`, text: `Balasan ${suffix}` });
    adminPage = await context.newPage();
    consoleErrors = collectConsoleErrors(adminPage);
  });

  test("analytics charts render with today's traffic, counted as it arrived", async () => {
    await adminPage.goto("/analytics");
    await expect(adminPage.getByRole("heading", { name: "Analytics" })).toBeVisible();
    await expect(adminPage.getByTestId("tile-incoming")).toHaveText(/^Incoming[1-9]/, slow);
    await expect(adminPage.getByTestId("tile-outgoing")).toHaveText(/^Outgoing[1-9]/);
    await expect(adminPage.getByTestId("tile-response")).toContainText("%");
    await expect(adminPage.getByTestId("traffic-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(adminPage.getByTestId("rates-chart").locator(".recharts-line").first()).toBeVisible();
    await expect(adminPage.getByTestId("device-chart")).toContainText(suffix);
  });

  test("an export downloads as a CSV with a byte order mark and a header, with progress", async () => {
    await adminPage.goto("/analytics");
    const panel = adminPage.getByTestId("export-messages");
    const download = adminPage.waitForEvent("download");
    await panel.getByRole("button", { name: "Download" }).click();
    const file = await download;
    await file.path();
    expect(file.suggestedFilename()).toMatch(/^messages-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\n")[0]).toBe("id,timestamp,deviceId,deviceName,owner,direction,status,type,chatJid,fromJid,toJid,content,error");
    expect(text).toContain(`Halo ${suffix}`);
    await expect(adminPage.getByText(/rows downloaded/)).toBeVisible();
  });

  test("an admin creates a user who must change the temporary password, then locks, resets and deletes them", async ({ browser, baseURL }) => {
    await adminPage.goto("/admin/users");
    await adminPage.getByRole("button", { name: "New user" }).click();
    const form = adminPage.getByRole("dialog");
    await form.getByLabel("Username").fill(username);
    await form.getByLabel("Email").fill(`${username}@example.test`);
    await form.getByLabel("Full name").fill("Eko Pengguna");
    await form.getByLabel("Messages per day").fill("250");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage.getByTestId("temporary-password")).toBeVisible(slow);
    const temporary = (await adminPage.getByTestId("temporary-password").textContent())!.trim();
    expect(temporary).toMatch(/^[A-Za-z0-9]{14}$/);
    await adminPage.getByRole("dialog").getByRole("button", { name: "Close" }).first().click();
    const row = adminPage.getByTestId(`user-row-${username}`);
    await expect(row).toContainText("Must change password", slow);

    const userPage = await signInAs(browser, baseURL, username, temporary);
    await expect(userPage).toHaveURL(/\/auth\/change-password$/, slow);
    await userPage.getByLabel("Current (temporary) password").fill(temporary);
    await userPage.getByLabel("New password", { exact: true }).fill("eko-own-password-1");
    await userPage.getByLabel("Confirm new password").fill("eko-own-password-1");
    await userPage.getByRole("button", { name: "Save and continue" }).click();
    await expect(userPage).toHaveURL(/\/dashboard$/, slow);
    await expect(userPage.getByTestId("my-stats")).toBeVisible();

    await adminPage.reload();
    await expect(row).not.toContainText("Must change password");
    await openActions(adminPage, username);
    await adminPage.getByRole("menuitem", { name: "Lock" }).click();
    await adminPage.getByRole("alertdialog").getByRole("button", { name: "Lock" }).click();
    await expect(row).toContainText("Locked");
    // The lock takes effect at once: the next page the user opens sends them to sign in.
    await userPage.goto("/devices");
    await expect(userPage).toHaveURL(/\/auth\/login/);

    await openActions(adminPage, username);
    await adminPage.getByRole("menuitem", { name: "Unlock" }).click();
    await expect(row).toContainText("Active");
    await openActions(adminPage, username);
    await adminPage.getByRole("menuitem", { name: "Reset password" }).click();
    await adminPage.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
    await expect(adminPage.getByTestId("temporary-password")).toHaveText(/^[A-Za-z0-9]{14}$/);
    await adminPage.getByRole("dialog").getByRole("button", { name: "Close" }).first().click();
    await expect(row).toContainText("Must change password");

    await openActions(adminPage, username);
    await adminPage.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = adminPage.getByRole("alertdialog");
    await expect(confirm).toContainText("0 devices");
    await confirm.getByRole("button", { name: "Delete user" }).click();
    await expect(row).toHaveCount(0);
    await userPage.context().close();
  });

  test("the audit log filters by action with choices taken from the data, and by text", async () => {
    await adminPage.goto("/admin/logs");
    const table = adminPage.getByTestId("audit-table");
    await expect(table).toContainText("user.delete", slow);
    await adminPage.getByRole("combobox", { name: "Action" }).click();
    await adminPage.getByRole("option", { name: "user.lock" }).click();
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table).toContainText("user.lock");
    await expect(table).not.toContainText("user.delete");
    await adminPage.getByRole("combobox", { name: "Action" }).click();
    await adminPage.getByRole("option", { name: "All actions" }).click();
    await adminPage.getByLabel("Search target, IP or details…").fill(username);
    await expect(table).toContainText("user.create");
    await expect(table).not.toContainText("export.messages");
  });

  test("the admin pages work in Indonesian at 390 px", async () => {
    await adminPage.setViewportSize({ width: 390, height: 844 });
    await adminPage.goto("/admin/users");
    await adminPage.getByTestId("language-switch").click();
    await adminPage.getByRole("menuitemradio", { name: "Bahasa Indonesia" }).click();
    await expect(adminPage.getByRole("heading", { name: "Pengguna" })).toBeVisible(slow);
    await expect(adminPage.getByRole("button", { name: "Pengguna baru" })).toBeVisible();
    await expect(adminPage.getByTestId("users-table")).toBeVisible();
    for (const [path, heading] of [
      ["/admin", "Ringkasan"],
      ["/admin/messages", "Pesan"],
      ["/admin/contacts", "Semua kontak"],
      ["/admin/logs", "Log audit"],
      ["/analytics", "Analitik"],
    ] as const) {
      await adminPage.goto(path);
      await expect(adminPage.getByRole("heading", { name: heading, exact: true })).toBeVisible(slow);
      const overflow = await adminPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
    }
    await adminPage.getByTestId("language-switch").click();
    await adminPage.getByRole("menuitemradio", { name: "English" }).click();
    await expect(adminPage.getByRole("heading", { name: "Analytics" })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
