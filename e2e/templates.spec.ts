import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice } from "./helpers/paired-device";
import { randomSandboxPhone } from "./helpers/sandbox";

/**
 * Templates end to end: create one with placeholders (the live preview names what is missing), edit it into version 2
 * and find both versions in the history, send it from a paired sandbox device and watch the status go to delivered,
 * pick it on /send-message, then delete it.
 */
test.describe.serial("templates", () => {
  const suffix = Date.now().toString(36);
  const templateName = `Order update ${suffix}`;
  const deviceName = `Template line ${suffix}`;
  let page: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, userState, adminState, baseURL }) => {
    test.setTimeout(90_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    const userContext = await browser.newContext({ baseURL, storageState: userState });
    await createPairedDevice({ adminRequest: adminContext.request, ownerRequest: userContext.request, ownerEmail: E2E_USERS.user.email, deviceName });
    await adminContext.close();
    page = await userContext.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const row = () => page.getByTestId("template-row").filter({ hasText: templateName });
  const openRowMenu = async (item: string) => {
    await row().getByRole("button", { name: `Actions for ${templateName}` }).click();
    await page.getByRole("menuitem", { name: item }).click();
  };

  test("create a template with placeholders; the preview shows what is missing", async () => {
    await page.goto("/templates");
    await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "New template" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create template" }).click();
    await expect(dialog.getByText("This field is required.").first()).toBeVisible();

    await dialog.getByLabel("Name", { exact: true }).fill(templateName);
    // Malformed placeholders are flagged in the editor and the preview, and the preview never says "Ready to send".
    await dialog.getByLabel("Message", { exact: true }).fill("Hi {{name}}, pay by {{ pay method }} or {{bad-var}}, ref {{x");
    await dialog.getByLabel("{{name}}", { exact: true }).fill("Budi");
    const malformed = dialog.getByTestId("template-malformed");
    await expect(malformed).toHaveCount(2);
    await expect(malformed.first()).toContainText("Not a variable: {{ pay method }}, {{bad-var}}, {{x");
    await expect(dialog.getByTestId("template-preview-malformed")).toHaveText(["{{ pay method }}", "{{bad-var}}", "{{x"]);
    await expect(dialog.getByTestId("template-preview-ready")).toHaveCount(0);
    await dialog.getByLabel("{{name}}", { exact: true }).fill("");

    await dialog.getByLabel("Message", { exact: true }).fill("Hello {{name}}, your order {{order}} ships today.");
    await expect(malformed).toHaveCount(0);
    const missing = dialog.getByTestId("template-missing");
    await expect(missing).toContainText("{{name}}");
    await expect(missing).toContainText("{{order}}");

    await dialog.getByLabel("{{name}}", { exact: true }).fill("Budi");
    await expect(missing).not.toContainText("{{name}}");
    await expect(missing).toContainText("{{order}}");
    await expect(dialog.getByTestId("template-preview-text")).toContainText("Hello Budi, your order {{order}} ships today.");
    await dialog.getByLabel("{{order}}", { exact: true }).fill("A-1");
    await expect(dialog.getByTestId("template-preview-ready")).toBeVisible();
    await expect(dialog.getByTestId("template-preview-text")).toHaveText("Hello Budi, your order A-1 ships today.");

    await dialog.getByRole("button", { name: "Create template" }).click();
    await expect(dialog).toBeHidden();
    await expect(row()).toBeVisible();
    await expect(row().getByTestId("template-version-badge")).toHaveText("v1");
    await expect(row()).toContainText("{{name}}");
    await expect(row()).toContainText("{{order}}");
  });

  test("editing saves version 2, and the history shows both versions", async () => {
    await openRowMenu("Edit");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Message", { exact: true })).toHaveValue("Hello {{name}}, your order {{order}} ships today.");
    await dialog.getByLabel("Message", { exact: true }).fill("Hi {{name}}, order {{order}} ships today. Thanks!");
    await dialog.getByRole("button", { name: "Save as new version" }).click();
    await expect(dialog).toBeHidden();
    await expect(row().getByTestId("template-version-badge")).toHaveText("v2");
    await expect(row()).toContainText("Hi {{name}}, order {{order}} ships today. Thanks!");

    await openRowMenu("Version history");
    const history = page.getByRole("dialog");
    const versions = history.getByTestId("template-version");
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toHaveAttribute("data-version", "2");
    await expect(versions.nth(0)).toContainText("Current");
    await expect(versions.nth(0)).toContainText("Thanks!");
    await expect(versions.nth(1)).toHaveAttribute("data-version", "1");
    await expect(versions.nth(1)).toContainText("Hello {{name}}, your order {{order}} ships today.");
    await page.keyboard.press("Escape");
    await expect(history).toBeHidden();
  });

  test("use it: send from the paired device to a sandbox contact and see it delivered", async () => {
    await row().getByRole("button", { name: "Use" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("combobox", { name: "From device" })).toContainText(deviceName);
    // The number is shown as it will be sent: a local "08…" number reads as +62.
    await dialog.getByLabel("To (phone number)").fill("0811-555-666");
    await expect(dialog.getByText("Sends to +62 811 555 666")).toBeVisible();
    const recipient = randomSandboxPhone();
    await dialog.getByLabel("To (phone number)").fill(`+${recipient}`);
    await expect(dialog.getByText(/^Sends to \+1 /)).toBeVisible();
    await dialog.getByRole("button", { name: "Send" }).click();
    // Nothing is sent while a variable is empty.
    await expect(dialog.getByTestId("template-missing")).toContainText("{{name}}");
    await expect(dialog.getByTestId("send-result")).toHaveCount(0);

    await dialog.getByLabel("{{name}}", { exact: true }).fill("Ana");
    await dialog.getByLabel("{{order}}", { exact: true }).fill("A-17");
    await expect(dialog.getByTestId("template-preview-text")).toHaveText("Hi Ana, order A-17 ships today. Thanks!");
    await dialog.getByRole("button", { name: "Send" }).click();

    const result = dialog.getByTestId("send-result");
    await expect(result).toBeVisible();
    await expect(result).toContainText("Hi Ana, order A-17 ships today. Thanks!");
    await expect(result.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 30_000 });
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await expect(dialog).toBeHidden();
  });

  test("on /send-message, “Use a template” fills the message box with the rendered text", async () => {
    await page.goto("/send-message");
    await page.getByRole("button", { name: "Use a template" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("template-option").filter({ hasText: templateName }).click();
    await dialog.getByRole("button", { name: "Insert into message" }).click();
    await expect(dialog.getByTestId("template-missing")).toBeVisible();
    await dialog.getByLabel("{{name}}", { exact: true }).fill("Sari");
    await dialog.getByLabel("{{order}}", { exact: true }).fill("B-2");
    await dialog.getByRole("button", { name: "Insert into message" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel("Message")).toHaveValue("Hi Sari, order B-2 ships today. Thanks!");
  });

  test("delete asks for confirmation, then removes the template", async () => {
    await page.goto("/templates");
    await openRowMenu("Delete");
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Delete ${templateName}?`);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(row()).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
