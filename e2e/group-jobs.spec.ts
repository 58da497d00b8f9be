import { makePng } from "../tests/helpers/media-files";
import { E2E_USERS } from "./support/users";
import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";
import { createPairedDevice } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

/**
 * Group media jobs end to end: on /admin/groups the admin sends a photo to two groups as one job, watches the job
 * page complete live, and reads the results by group subject; the sandbox phones decrypt the photo.
 */
test("admin sends a photo to two groups as one job and follows it to the results", async ({ browser, baseURL, adminPage, userState }) => {
  test.setTimeout(180_000);
  const control = sandboxControl();
  const tag = Date.now().toString(36);
  const budi = randomSandboxPhone();
  const citra = randomSandboxPhone();
  await control.createAccount({ phone: budi, name: "Budi" });
  await control.createAccount({ phone: citra, name: "Citra" });
  const owner = await browser.newContext({ baseURL, storageState: userState });
  const deviceName = `Grup job ${tag}`;
  const device = await createPairedDevice({ adminRequest: adminPage.request, ownerRequest: owner.request, ownerEmail: E2E_USERS.user.email, deviceName });
  await owner.close();
  const arisan = await control.createGroup(budi, `Arisan ${tag}`, [device.phone.replace(/^\+/, ""), citra]);
  const reseller = await control.createGroup(citra, `Reseller ${tag}`, [device.phone.replace(/^\+/, "")]);
  const errors = collectConsoleErrors(adminPage);

  await adminPage.goto("/admin/groups");
  await adminPage.getByTestId("groups-device-select").click();
  await adminPage.getByRole("option", { name: new RegExp(deviceName) }).click();
  await expect(adminPage.getByTestId("group-list")).toContainText(`Reseller ${tag}`);

  await adminPage.getByTestId("group-job-open").click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByLabel(`Arisan ${tag}`).check();
  await dialog.getByLabel(`Reseller ${tag}`).check();
  await dialog.getByTestId("group-job-file-input").setInputFiles({ name: "promo.png", mimeType: "image/png", buffer: makePng(24, 24) });
  await expect(dialog.getByTestId("group-job-attachment")).toBeVisible();
  await dialog.getByLabel("Message or caption").fill(`Promo grup ${tag}`);
  await dialog.getByTestId("group-job-review").click();
  const summary = dialog.getByTestId("group-job-summary");
  await expect(summary).toContainText("2 groups · 5 members");
  await expect(summary).toContainText("File: promo.png");
  await expect(dialog.getByTestId("group-job-eta")).toContainText("Estimated duration: 3 s");
  await dialog.getByTestId("group-job-create").click();

  // The job page: live progress to completed, the groups listed by subject.
  await adminPage.waitForURL(/\/jobs\/\d+$/);
  await expect(adminPage.getByTestId("job-group-badge")).toBeVisible();
  await expect(adminPage.getByText("Completed", { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  const items = adminPage.getByTestId("job-item");
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: `Arisan ${tag}` })).toContainText("Sent");
  await expect(items.filter({ hasText: `Reseller ${tag}` })).toContainText("Sent");
  await expect(adminPage.getByTestId("job-items")).not.toContainText("@g.us");

  for (const [phone, group] of [[budi, arisan], [citra, arisan], [citra, reseller]] as const) {
    const got = await control.waitForGroupMessage(phone, { groupId: group.id, text: `Promo grup ${tag}` });
    expect(got).toMatchObject({ decrypted: true });
    expect(got.media).toBeTruthy();
  }

  // The admin's job list marks it as a group job.
  await adminPage.goto("/admin/jobs");
  await expect(adminPage.getByTestId("job-card").first().getByTestId("job-group-badge")).toBeVisible();
  expect(errors).toEqual([]);
});
