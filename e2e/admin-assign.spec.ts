import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice, trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone } from "./helpers/sandbox";

/**
 * An admin hands a linked device to a user from /admin/devices; the user's dashboard then lists the device's messages
 * in "Recent messages", and a new message appears there live with its delivery status.
 */
test.describe.serial("device assignment and recent messages", () => {
  const suffix = Date.now().toString(36);
  const deviceName = `Assign line ${suffix}`;
  let deviceId = "";
  let adminPage: Page;
  let userPage: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, adminState, userState, baseURL }) => {
    test.setTimeout(90_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    const userContext = await browser.newContext({ baseURL, storageState: userState });
    // The admin provisions the device for themself first, links it and sends from it.
    ({ deviceId } = await createPairedDevice({ adminRequest: adminContext.request, ownerRequest: adminContext.request, ownerEmail: E2E_USERS.admin.email, deviceName }));
    await trpcMutation(adminContext.request, "message.sendText", { deviceId, to: `+${randomSandboxPhone()}`, text: `Before the handover ${suffix}` });
    adminPage = await adminContext.newPage();
    userPage = await userContext.newPage();
    consoleErrors = collectConsoleErrors(adminPage);
  });

  test.afterAll(async () => {
    await adminPage.context().close();
    await userPage.context().close();
  });

  test("an admin assigns the device to the user; the list updates", async () => {
    await adminPage.goto("/admin/devices");
    const row = adminPage.getByTestId("device-row").filter({ hasText: deviceName });
    await expect(row).toContainText(E2E_USERS.admin.email);
    await row.getByRole("button", { name: `Actions for ${deviceName}` }).click();
    await adminPage.getByRole("menuitem", { name: "Change owner" }).click();

    const dialog = adminPage.getByRole("dialog");
    await expect(dialog).toContainText(`Change the owner of ${deviceName}`);
    await dialog.getByRole("button", { name: "Change owner" }).click();
    await expect(dialog.getByText("This field is required.")).toBeVisible();
    await dialog.getByRole("combobox", { name: "New owner" }).click();
    await adminPage.getByRole("option", { name: new RegExp(E2E_USERS.user.email) }).click();
    await dialog.getByRole("button", { name: "Change owner" }).click();
    await expect(dialog).toBeHidden();
    await expect(adminPage.getByText(`${deviceName} now belongs to ${E2E_USERS.user.username}.`)).toBeVisible();
    await expect(row).toContainText(E2E_USERS.user.email);
    await expect(row.getByTestId("device-status")).toHaveText("Connected");
    expect(consoleErrors).toEqual([]);
  });

  test("the user's dashboard shows recent messages, and a new one arrives live", async () => {
    await userPage.goto("/dashboard");
    await expect(userPage.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
    const recent = userPage.getByTestId("recent-messages");
    await expect(recent.getByRole("heading", { name: "Recent messages" })).toBeVisible();
    await expect(recent.getByTestId("message-row").filter({ hasText: `Before the handover ${suffix}` })).toBeVisible();

    const text = `Live on the dashboard ${suffix}`;
    await trpcMutation(userPage.request, "message.sendText", { deviceId, to: `+${randomSandboxPhone()}`, text });
    const row = recent.getByTestId("message-row").filter({ hasText: text });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 30_000 });
  });
});
