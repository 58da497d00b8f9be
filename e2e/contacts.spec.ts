import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice, trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

/** A random, valid Indonesian mobile number as typed (+62 812 …) and as stored (E.164). */
function randomPhone(): { typed: string; e164: string } {
  const rest = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  return { typed: `+62 812 ${rest.slice(0, 4)} ${rest.slice(4)}`, e164: `+62812${rest}` };
}

/**
 * Contacts end to end: create one with a brand-new tag, filter by that tag, import a CSV with a bad row and read the
 * per-row report, export the filtered list as a CSV download, delete with confirmation; then a paired device's
 * WhatsApp chats appear live, one is saved as a contact and the rest are synced.
 */
test.describe.serial("contacts", () => {
  const suffix = Date.now().toString(36);
  const tagName = `vip-${suffix}`;
  const contactName = `Citra ${suffix}`;
  const contactPhone = randomPhone();
  const untagged = `Joko ${suffix}`;
  let page: Page;
  let consoleErrors: string[] = [];

  test.beforeAll(async ({ browser, userState, baseURL }) => {
    const context = await browser.newContext({ baseURL, storageState: userState, acceptDownloads: true });
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
    // A contact without the tag, so the tag filter has something to leave out.
    await trpcMutation(context.request, "contact.create", { name: untagged, phone: randomPhone().e164 });
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const row = (name: string) => page.getByTestId("contact-row").filter({ hasText: name });

  test("create a contact with a new tag", async () => {
    await page.goto("/contacts");
    await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
    await expect(row(untagged)).toBeVisible();

    await page.getByRole("button", { name: "New contact" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog.getByText("This field is required.")).toBeVisible();
    await dialog.getByLabel("Name").fill(contactName);
    await dialog.getByLabel("Phone").fill("12");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog.getByText(/Enter a valid phone number/)).toBeVisible();
    await dialog.getByLabel("Phone").fill(contactPhone.typed);
    await dialog.getByLabel(/^Notes/).fill("Prefers mornings");
    await dialog.getByLabel("New tag").fill(tagName);
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await expect(dialog.getByRole("button", { name: tagName })).toHaveAttribute("aria-pressed", "true");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog).toBeHidden();

    await expect(row(contactName)).toBeVisible();
    await expect(row(contactName)).toContainText(contactPhone.e164);
    await expect(row(contactName).getByTestId("tag-badge").filter({ hasText: tagName, visible: true })).toBeVisible();

    await page.getByRole("tab", { name: "Tags" }).click();
    const tagRow = page.getByTestId("tag-row").filter({ hasText: tagName });
    await expect(tagRow.getByTestId("tag-count")).toHaveText("Used by 1");
    await page.getByRole("tab", { name: "Contacts" }).click();
  });

  test("filter by the tag", async () => {
    await page.getByTestId("tag-filter").click();
    await page.getByRole("menuitemcheckbox", { name: new RegExp(tagName) }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("tag-filter")).toContainText("Tags (1)");
    await expect(row(contactName)).toBeVisible();
    await expect(row(untagged)).toHaveCount(0);
    await expect(page.getByTestId("contacts-total")).toHaveText("Matching: 1");
  });

  test("export downloads a CSV of the filtered contacts", async () => {
    const link = page.getByTestId("export-contacts");
    await expect(link).toHaveAttribute("href", /tagId=\d+/);
    const downloadPromise = page.waitForEvent("download");
    await link.click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^contacts-.*\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain(contactName);
    expect(csv).toContain(contactPhone.e164);
    expect(csv).toContain(tagName);
    expect(csv).not.toContain(untagged);
  });

  test("import a CSV with a bad row and see the per-row report", async () => {
    await page.getByRole("button", { name: `Remove the filter ${tagName}` }).click();
    await expect(row(untagged)).toBeVisible();

    const dewi = randomPhone();
    const eko = randomPhone();
    // Dewi's number is written with its country code but no "+": it must be read as +62 8…, not +62 62 8….
    const csv = ["name,phone,tags,notes", `Dewi ${suffix},${dewi.e164.slice(1)},${tagName},`, `Broken ${suffix},not-a-number,,`, `Eko ${suffix},${eko.e164},,From the import`].join("\n");
    await page.getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Check the file", exact: true }).click();
    await expect(dialog.getByText("Choose a CSV file.")).toBeVisible();
    await dialog.getByLabel("CSV file").setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await dialog.getByRole("button", { name: "Check the file", exact: true }).click();

    // Nothing is written before the preview is confirmed; it shows each number as written and as it will be saved.
    const preview = dialog.getByTestId("import-preview");
    await expect(preview.getByTestId("import-preview-row")).toHaveCount(2);
    const dewiRow = preview.getByTestId("import-preview-row").first();
    await expect(dewiRow).toContainText(dewi.e164.slice(1));
    await expect(dewiRow).toContainText(`+62 812 ${dewi.e164.slice(6, 10)} ${dewi.e164.slice(10)}`);
    await expect(preview.getByTestId("import-preview-error")).toContainText("Row 3");
    await dialog.getByRole("button", { name: "Import 2 contacts" }).click();

    const result = dialog.getByTestId("import-result");
    await expect(result).toBeVisible();
    await expect(result.getByTestId("import-total")).toHaveText("3");
    await expect(result.getByTestId("import-created")).toHaveText("2");
    await expect(result.getByTestId("import-updated")).toHaveText("0");
    await expect(result.getByTestId("import-failed")).toHaveText("1");
    const errorRows = result.getByTestId("import-error-row");
    await expect(errorRows).toHaveCount(1);
    await expect(errorRows.first().getByRole("cell").first()).toHaveText("3");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    await expect(row(`Dewi ${suffix}`)).toBeVisible();
    await expect(row(`Eko ${suffix}`)).toBeVisible();
    await expect(row(`Broken ${suffix}`)).toHaveCount(0);
    await expect(row(`Dewi ${suffix}`).getByTestId("tag-badge").filter({ hasText: tagName, visible: true })).toBeVisible();
  });

  test("delete asks for confirmation, then removes the contact", async () => {
    await row(contactName).getByRole("button", { name: `Actions for ${contactName}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Delete ${contactName}?`);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(row(contactName)).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test("a device's WhatsApp chats appear live; save one, sync the rest", async ({ browser, adminState, baseURL }) => {
    test.setTimeout(90_000);
    const adminContext = await browser.newContext({ baseURL, storageState: adminState });
    const deviceName = `Contacts line ${suffix}`;
    const device = await createPairedDevice({ adminRequest: adminContext.request, ownerRequest: page.request, ownerEmail: E2E_USERS.user.email, deviceName });
    await adminContext.close();

    await page.reload();
    await page.getByRole("tab", { name: "WhatsApp chats" }).click();
    await expect(page.getByRole("combobox", { name: "Device" })).toContainText(deviceName);
    await expect(page.getByText("No chats on this device yet")).toBeVisible();

    const control = sandboxControl();
    const [first, second] = [randomSandboxPhone(), randomSandboxPhone()];
    await control.createAccount({ phone: first, name: `Fajar ${suffix}` });
    await control.createAccount({ phone: second, name: `Gita ${suffix}` });
    await control.sendText(first, device.phone, "Hello, is the shop open?");
    await control.sendText(second, device.phone, "Do you deliver?");
    const chatRow = (phone: string) => page.getByTestId("whatsapp-chat-row").filter({ hasText: phone });
    await expect(chatRow(first)).toBeVisible();
    await expect(chatRow(second)).toBeVisible();

    await chatRow(first).getByRole("button", { name: "Save" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Phone")).toHaveValue(new RegExp(first));
    await dialog.getByLabel("Name").fill(`Fajar saved ${suffix}`);
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog).toBeHidden();
    await expect(chatRow(first)).toContainText(`Fajar saved ${suffix}`);

    await page.getByRole("tabpanel").getByRole("button", { name: "Sync from device" }).click();
    const sync = page.getByRole("dialog");
    await sync.getByRole("button", { name: "Sync contacts" }).click();
    await expect(sync.getByTestId("sync-created")).toHaveText("1");
    await sync.getByRole("button", { name: "Done" }).click();
    await expect(chatRow(second).getByRole("button", { name: "Save" })).toHaveCount(0);

    await page.getByRole("tab", { name: "Contacts" }).click();
    await expect(row(`Fajar saved ${suffix}`)).toBeVisible();
    await expect(row(second)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
