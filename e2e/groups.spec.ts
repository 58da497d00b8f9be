import { makePng } from "../tests/helpers/media-files";
import { E2E_USERS } from "./support/users";
import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";
import { createPairedDevice } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

/**
 * /admin/groups end to end with sandbox phones: the admin creates a group from a device, sees a member's message
 * arrive live, sends a mention and a photo that the phones decrypt, promotes one member and removes another.
 */
test("admin manages a WhatsApp group: create, mention, photo, promote, remove", async ({ browser, baseURL, adminPage, userState }) => {
  test.setTimeout(180_000);
  const control = sandboxControl();
  const tag = Date.now().toString(36);
  const budi = randomSandboxPhone();
  const citra = randomSandboxPhone();
  await control.createAccount({ phone: budi, name: "Budi" });
  await control.createAccount({ phone: citra, name: "Citra" });
  const owner = await browser.newContext({ baseURL, storageState: userState });
  const deviceName = `Grup ${tag}`;
  await createPairedDevice({ adminRequest: adminPage.request, ownerRequest: owner.request, ownerEmail: E2E_USERS.user.email, deviceName });
  await owner.close();
  const errors = collectConsoleErrors(adminPage);

  await adminPage.goto("/admin/groups");
  await adminPage.getByTestId("groups-device-select").click();
  await adminPage.getByRole("option", { name: new RegExp(deviceName) }).click();
  await expect(adminPage.getByText("This device is in no group")).toBeVisible();

  await adminPage.getByTestId("group-create-open").click();
  await adminPage.getByLabel("Subject").fill(`Pelanggan ${tag}`);
  await adminPage.getByLabel("Members").fill(`+${budi}\n+${citra}`);
  await adminPage.getByRole("button", { name: "Create group" }).click();
  const panel = adminPage.getByTestId("group-panel");
  await expect(panel.getByTestId("group-subject")).toHaveText(`Pelanggan ${tag}`);
  await expect(panel.getByTestId("group-member")).toHaveCount(3);
  const [group] = await control.groups(budi);
  if (!group) throw new Error("the group did not reach the sandbox");
  await expect(adminPage.getByTestId("group-list")).toContainText("3 members");

  // Budi writes first: his message appears live, with his name.
  await control.sendGroupText(budi, group.id, `Halo semua ${tag}`);
  await expect(panel.getByTestId("group-message").filter({ hasText: `Halo semua ${tag}` })).toContainText("Budi");

  await panel.getByLabel("Message to the group").fill(`@Budi pesanan siap ${tag}`);
  await panel.getByRole("button", { name: "Send" }).click();
  const mention = await control.waitForGroupMessage(citra, { groupId: group.id, text: `pesanan siap ${tag}` });
  expect(mention).toMatchObject({ decrypted: true, text: `@${budi} pesanan siap ${tag}` });
  expect(mention.mentions).toEqual([`${budi}@s.whatsapp.net`]);

  await panel.getByTestId("group-file-input").setInputFiles({ name: "promo.png", mimeType: "image/png", buffer: makePng(24, 24) });
  await panel.getByLabel("Message to the group").fill(`Promo ${tag}`);
  await panel.getByRole("button", { name: "Send" }).click();
  const photo = await control.waitForGroupMessage(budi, { groupId: group.id, text: `Promo ${tag}` });
  expect(photo).toMatchObject({ decrypted: true });
  expect(photo.media).toBeTruthy();
  await expect(panel.getByTestId("group-message").filter({ hasText: `Promo ${tag}` }).locator("img")).toBeVisible();

  const budiRow = panel.getByTestId("group-member").filter({ hasText: `+${budi}` });
  await budiRow.getByRole("button", { name: /Actions for/ }).click();
  await adminPage.getByRole("menuitem", { name: "Make admin" }).click();
  await expect(budiRow).toContainText("Admin");
  await expect.poll(async () => (await control.group(group.id))?.participants.find((p) => p.phone === budi)?.role).toBe("admin");

  const citraRow = panel.getByTestId("group-member").filter({ hasText: `+${citra}` });
  await citraRow.getByRole("button", { name: /Actions for/ }).click();
  await adminPage.getByRole("menuitem", { name: "Remove from group" }).click();
  await adminPage.getByRole("alertdialog").getByRole("button", { name: "Remove from group" }).click();
  await expect(panel.getByTestId("group-member")).toHaveCount(2);
  await expect.poll(async () => (await control.group(group.id))?.participants.some((p) => p.phone === citra)).toBe(false);

  await adminPage.screenshot({ path: "test-results/groups-1280.png", fullPage: true });
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await expect(panel.getByTestId("group-subject")).toBeVisible();
  await adminPage.screenshot({ path: "test-results/groups-390.png", fullPage: true });
  expect(errors).toEqual([]);
});
