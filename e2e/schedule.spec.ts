import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";
import { wallClock } from "./helpers/wall-clock";

const ZONE = "Asia/Jakarta";

/**
 * Scheduled messages end to end: the form checks its fields, a message scheduled a few seconds ahead from a paired
 * sandbox device shows up pending, turns sent live when the runner sends it and reaches the contact's inbox; one
 * scheduled far ahead (in another time zone) is cancelled after confirming.
 */
test.describe.serial("scheduled messages", () => {
  const tag = Date.now().toString(36);
  const deviceName = `Schedule line ${tag}`;
  const contactPhone = randomSandboxPhone();
  const soonText = `Pengingat janji temu besok ${tag}`;
  const laterText = `Promo akhir tahun ${tag}`;
  let page: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, userState, adminState, baseURL }) => {
    test.setTimeout(120_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    // The browser's zone is the form's default time zone.
    const userContext = await browser.newContext({ baseURL, storageState: userState, timezoneId: ZONE });
    await createPairedDevice({ adminRequest: adminContext.request, ownerRequest: userContext.request, ownerEmail: E2E_USERS.user.email, deviceName });
    await adminContext.close();
    await sandboxControl().createAccount({ phone: contactPhone, name: "Sari Pelanggan" });
    page = await userContext.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const row = (text: string) => page.getByTestId("scheduled-row").filter({ hasText: text });

  test("the form explains what is missing or wrong", async () => {
    await page.goto("/schedule-message");
    await expect(page.getByRole("heading", { name: "Scheduled messages", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Time zone")).toContainText(ZONE);
    await expect(page.getByLabel("From device")).toContainText(deviceName);

    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByText("This field is required.").first()).toBeVisible();
    await expect(page.getByText("Choose a date and time.")).toBeVisible();
    await expect(page.getByLabel("Date and time")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("To (phone number)").fill(`+${contactPhone}`);
    await page.getByLabel("Message", { exact: true }).fill(soonText);
    await page.getByLabel("Date and time").fill(wallClock(new Date(Date.now() - 3 * 3600_000), ZONE, false));
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByText("This time is in the past; pick a time from now on.")).toBeVisible();
  });

  test("a message scheduled a few seconds ahead is pending, then sent live, and reaches the contact", async () => {
    await page.getByLabel("Date and time").fill(wallClock(new Date(Date.now() + 12_000), ZONE, true));
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByText(/^Message scheduled for/)).toBeVisible();
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("");

    const soon = row(soonText);
    await expect(soon).toHaveAttribute("data-status", "pending");
    await expect(soon.getByTestId("scheduled-status")).toHaveText("Pending");
    await expect(soon).toContainText(`+${contactPhone}`);
    await expect(soon).toContainText(`(${ZONE})`);
    await expect(soon).toContainText(deviceName);

    // No reload: the runner's scheduled.status event refreshes the list.
    await expect(soon).toHaveAttribute("data-status", "sent", { timeout: 45_000 });
    await expect(soon.getByTestId("scheduled-status")).toHaveText("Sent");
    await expect(soon.getByRole("button", { name: /^Cancel the message/ })).toHaveCount(0);
    await expect(soon.getByTestId("message-status")).toBeVisible();

    const inbox = await sandboxControl().waitForInbox(contactPhone, { text: soonText });
    expect(inbox.text).toBe(soonText);
  });

  test("a message scheduled far ahead in another time zone can be cancelled after confirming", async () => {
    const zone = "America/New_York";
    await page.getByLabel("Message", { exact: true }).fill(laterText);
    await page.getByLabel("Time zone").click();
    await page.getByRole("option", { name: "America/New York" }).click();
    await expect(page.getByLabel("Time zone")).toContainText("America/New York");
    await page.getByLabel("Date and time").fill(wallClock(new Date(Date.now() + 30 * 24 * 3600_000), zone, false));
    await page.getByRole("button", { name: "Schedule", exact: true }).click();

    const later = row(laterText);
    await expect(later).toHaveAttribute("data-status", "pending");
    await expect(later).toContainText("(America/New York)");

    // Filter: only pending ones.
    await page.getByLabel("Status", { exact: true }).click();
    await page.getByRole("option", { name: "Pending" }).click();
    await expect(later).toBeVisible();
    await expect(row(soonText)).toHaveCount(0);

    await later.getByRole("button", { name: `Cancel the message to +${contactPhone}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Cancel this scheduled message?");
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(dialog).toBeHidden();
    await expect(later).toHaveAttribute("data-status", "pending");

    await later.getByRole("button", { name: `Cancel the message to +${contactPhone}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel message" }).click();
    await expect(page.getByRole("alertdialog")).toBeHidden();
    await expect(page.getByText("Scheduled message cancelled")).toBeVisible();
    // Filtered on pending, the cancelled one leaves the list; under "All statuses" it shows as cancelled.
    await expect(later).toHaveCount(0);
    await page.getByLabel("Status", { exact: true }).click();
    await page.getByRole("option", { name: "All statuses" }).click();
    await expect(later).toHaveAttribute("data-status", "cancelled");
    await expect(later.getByTestId("scheduled-status")).toHaveText("Cancelled");
    await expect(row(soonText)).toHaveAttribute("data-status", "sent");

    expect(consoleErrors).toEqual([]);
  });
});
